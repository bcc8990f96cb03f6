namespace UniCode.Notebooks.Tests.Serialization;

/// <summary>Notebook files written the way VS Code and Jupyter write them (sorted keys, one-space indent).</summary>
internal static class SampleNotebooks
{
    /// <summary>Every cell and output kind, Polyglot and older .NET Interactive metadata, attachments and non-ASCII text.</summary>
    public const string Canonical = """
        {
         "cells": [
          {
           "attachments": {
            "dot.png": {
             "image/png": "iVBORw0KGgo="
            }
           },
           "cell_type": "markdown",
           "id": "intro",
           "metadata": {
            "tags": [
             "header"
            ]
           },
           "source": [
            "# Title é → 😀\n",
            "\n",
            "Text with <b>tags</b> & \"quotes\"."
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 3,
           "id": "a1b2c3d4",
           "metadata": {
            "dotnet_interactive": {
             "language": "csharp"
            },
            "polyglot_notebook": {
             "kernelName": "csharp"
            },
            "vscode": {
             "languageId": "polyglot-notebook"
            }
           },
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
              "line 1\n",
              "line 2\n"
             ]
            },
            {
             "data": {
              "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
              "text/plain": [
               "an image"
              ]
             },
             "metadata": {},
             "output_type": "display_data"
            },
            {
             "data": {
              "application/json": {
               "values": [
                1,
                2.5,
                null
               ]
              },
              "text/html": [
               "<table>\n",
               "</table>"
              ]
             },
             "metadata": {
              "isolated": true
             },
             "output_type": "display_data"
            },
            {
             "data": {
              "text/plain": [
               "42"
              ]
             },
             "execution_count": 3,
             "metadata": {},
             "output_type": "execute_result"
            },
            {
             "ename": "System.Exception",
             "evalue": "boom",
             "output_type": "error",
             "traceback": [
              "System.Exception: boom",
              "   at Submission#0"
             ]
            }
           ],
           "source": [
            "var x = 42;\n",
            "x"
           ]
          },
          {
           "cell_type": "code",
           "execution_count": null,
           "id": "never-run",
           "metadata": {},
           "outputs": [],
           "source": []
          },
          {
           "cell_type": "raw",
           "id": "raw_1",
           "metadata": {},
           "source": [
            "raw text"
           ]
          }
         ],
         "metadata": {
          "custom": {
           "note": "kept"
          },
          "kernelspec": {
           "display_name": ".NET (C#)",
           "language": "C#",
           "name": ".net-csharp"
          },
          "language_info": {
           "name": "polyglot-notebook"
          },
          "polyglot_notebook": {
           "kernelInfo": {
            "defaultKernelName": "csharp",
            "items": [
             {
              "aliases": [],
              "name": "csharp"
             }
            ]
           }
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;
}
