// Image codecs and resampling through OpenCV (imgcodecs, imgproc).
// Images cross the boundary as uint8 HWC tensors in RGB(A) channel order.
#include "bridge.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <cstring>

namespace {
enum DecodeMode { kUnchanged = 0, kGrey = 1, kRgb = 2, kRgba = 3 };

// Wraps a contiguous HWC (or HW) CPU tensor as a cv::Mat without copying.
cv::Mat as_mat(const at::Tensor& t) {
  if (t.dim() != 2 && t.dim() != 3)
    throw std::invalid_argument("an image must be HW or HWC, got shape " + c10::str(t.sizes()));
  int channels = t.dim() == 3 ? static_cast<int>(t.size(2)) : 1;
  if (channels < 1 || channels > 4) throw std::invalid_argument("an image needs 1-4 channels, got " + std::to_string(channels));
  int depth;
  switch (t.scalar_type()) {
    case at::kByte: depth = CV_8U; break;
    case at::kFloat: depth = CV_32F; break;
    default: throw std::invalid_argument(std::string("image tensors must be uint8 or float32, got ") + c10::toString(t.scalar_type()));
  }
  return cv::Mat(static_cast<int>(t.size(0)), static_cast<int>(t.size(1)), CV_MAKETYPE(depth, channels), t.data_ptr());
}

at::Tensor to_tensor(const cv::Mat& m) {
  auto dtype = m.depth() == CV_8U ? at::kByte : at::kFloat;
  auto t = at::empty({m.rows, m.cols, m.channels()}, at::TensorOptions().dtype(dtype));
  cv::Mat view(m.rows, m.cols, m.type(), t.data_ptr());
  m.copyTo(view);
  return t;
}

// OpenCV stores colour as BGR(A); the kit uses RGB(A).
cv::Mat swap_red_blue(const cv::Mat& m) {
  cv::Mat out;
  if (m.channels() == 3) cv::cvtColor(m, out, cv::COLOR_BGR2RGB);
  else if (m.channels() == 4) cv::cvtColor(m, out, cv::COLOR_BGRA2RGBA);
  else out = m;
  return out;
}

cv::Mat decode(const uint8_t* bytes, int64_t length, int32_t mode) {
  if (bytes == nullptr || length <= 0) throw std::invalid_argument("no image bytes");
  if (length > INT32_MAX) throw std::invalid_argument("image data larger than 2 GiB");
  cv::Mat raw(1, static_cast<int>(length), CV_8U, const_cast<uint8_t*>(bytes));
  int flags = mode == kGrey ? cv::IMREAD_GRAYSCALE : mode == kRgb ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
  cv::Mat img = cv::imdecode(raw, flags);
  if (img.empty()) throw std::invalid_argument("the bytes are not an image OpenCV can decode (corrupt or unsupported format)");
  if (img.depth() == CV_16U) img.convertTo(img, CV_8U, 1.0 / 257.0);
  if (img.depth() != CV_8U) throw std::invalid_argument("unsupported image bit depth");
  img = swap_red_blue(img);
  if (mode == kRgba && img.channels() == 1) cv::cvtColor(img, img, cv::COLOR_GRAY2RGBA);
  if (mode == kRgba && img.channels() == 3) cv::cvtColor(img, img, cv::COLOR_RGB2RGBA);
  return img;
}
}  // namespace

UT_API ut_tensor ut_image_decode(const uint8_t* bytes, int64_t length, int32_t mode) {
  UT_TENSOR(to_tensor(decode(bytes, length, mode)))
}

// Encodes to the format of `ext` (".png", ".jpg", ".webp"); quality applies to JPEG/WebP (1-100).
UT_API int32_t ut_image_encode(ut_tensor image, const char* ext, int32_t quality, uint8_t** out, int64_t* length) {
  UT_STATUS({
    auto t = ut::T(image).to(at::kCPU).contiguous();
    if (t.scalar_type() != at::kByte) throw std::invalid_argument("only uint8 images can be encoded");
    cv::Mat bgr = swap_red_blue(as_mat(t));
    std::vector<int> params;
    std::string e(ext == nullptr ? "" : ext);
    if (e == ".jpg" || e == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, quality};
    if (e == ".webp") params = {cv::IMWRITE_WEBP_QUALITY, quality};
    std::vector<uint8_t> buffer;
    if (!cv::imencode(e, bgr, buffer, params)) throw std::invalid_argument("OpenCV could not encode the image as " + e);
    *out = static_cast<uint8_t*>(std::malloc(buffer.size()));
    if (*out == nullptr) throw std::bad_alloc();
    std::memcpy(*out, buffer.data(), buffer.size());
    *length = static_cast<int64_t>(buffer.size());
  })
}

UT_API void ut_buffer_free(uint8_t* buffer) { std::free(buffer); }

// interpolation: 0 nearest, 1 bilinear, 2 bicubic, 3 area (OpenCV's INTER_* codes).
UT_API ut_tensor ut_image_resize(ut_tensor image, int64_t height, int64_t width, int32_t interpolation) {
  UT_GUARD(nullptr, {
    if (height <= 0 || width <= 0) throw std::invalid_argument("resize target must be positive");
    if (interpolation < 0 || interpolation > 3) throw std::invalid_argument("unknown interpolation code");
    auto t = ut::T(image).to(at::kCPU).contiguous();
    cv::Mat out;
    cv::resize(as_mat(t), out, cv::Size(static_cast<int>(width), static_cast<int>(height)), 0, 0, interpolation);
    auto result = to_tensor(out);
    return new at::Tensor(t.dim() == 2 ? result.squeeze(2) : result);
  })
}

// ---- drawing (in place on a contiguous uint8 HWC CPU image) -------------------------------------
// Coordinates are in pixels with 8 fractional bits (OpenCV's `shift`), so shapes sit at sub-pixel
// positions; antialias draws with LINE_AA.
namespace {
constexpr int kShift = 8;
constexpr double kScale = 1 << kShift;

cv::Mat drawable(ut_tensor image) {
  const auto& t = ut::T(image);
  if (!t.device().is_cpu() || !t.is_contiguous() || t.scalar_type() != at::kByte)
    throw std::invalid_argument("drawing needs a contiguous uint8 CPU image");
  return as_mat(t);
}

cv::Scalar colour(const cv::Mat& m, int32_t r, int32_t g, int32_t b) {
  // The image is RGB(A) in memory; OpenCV writes channel 0 first, so pass the colour in memory order.
  return m.channels() == 1 ? cv::Scalar(r) : cv::Scalar(r, g, b, 255);
}
}  // namespace

UT_API int32_t ut_image_fill_circle(ut_tensor image, double cx, double cy, double radius, int32_t r, int32_t g,
                                    int32_t b, int32_t antialias) {
  UT_STATUS({
    auto m = drawable(image);
    cv::circle(m, cv::Point(static_cast<int>(cx * kScale), static_cast<int>(cy * kScale)),
               static_cast<int>(radius * kScale), colour(m, r, g, b), cv::FILLED, antialias ? cv::LINE_AA : cv::LINE_8,
               kShift);
  })
}

// xy holds n points as x0, y0, x1, y1, ...
UT_API int32_t ut_image_fill_polygon(ut_tensor image, const double* xy, int32_t n, int32_t r, int32_t g, int32_t b,
                                     int32_t antialias) {
  UT_STATUS({
    if (n < 3 || xy == nullptr) throw std::invalid_argument("a polygon needs at least 3 points");
    auto m = drawable(image);
    std::vector<cv::Point> points;
    for (int32_t i = 0; i < n; ++i)
      points.emplace_back(static_cast<int>(xy[2 * i] * kScale), static_cast<int>(xy[2 * i + 1] * kScale));
    cv::fillPoly(m, std::vector<std::vector<cv::Point>>{points}, colour(m, r, g, b),
                 antialias ? cv::LINE_AA : cv::LINE_8, kShift);
  })
}

// Draws text with its baseline's left end at (x, y), in OpenCV's Hershey simplex font.
UT_API int32_t ut_image_draw_text(ut_tensor image, const char* text, int32_t x, int32_t y, double scale,
                                  int32_t thickness, int32_t r, int32_t g, int32_t b) {
  UT_STATUS({
    if (text == nullptr) throw std::invalid_argument("text is null");
    auto m = drawable(image);
    cv::putText(m, text, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale, colour(m, r, g, b), thickness, cv::LINE_AA);
  })
}

UT_API int32_t ut_image_text_size(const char* text, double scale, int32_t thickness, int32_t* width, int32_t* height,
                                  int32_t* baseline) {
  UT_STATUS({
    if (text == nullptr) throw std::invalid_argument("text is null");
    int base = 0;
    auto size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &base);
    *width = size.width;
    *height = size.height;
    *baseline = base;
  })
}
