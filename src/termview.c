/* termview.c — half blocks, kitty and sixel output, and the terminal query. */
#include "termview.h"

#include <fcntl.h>
#include <glib.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define QUERY_TIMEOUT_MS 400
#define DEFAULT_CELL_WIDTH 8
#define DEFAULT_CELL_HEIGHT 16

static int env_int(const char *name, int fallback)
{
  const char *value = g_getenv(name);
  int n = value ? atoi(value) : 0;
  return n > 0 ? n : fallback;
}

static bool ask_size(int fd, TermSize *size)
{
  struct winsize ws;
  if (fd < 0 || ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0)
    return false;
  size->columns = ws.ws_col;
  size->rows = ws.ws_row;
  if (ws.ws_xpixel > 0 && ws.ws_ypixel > 0) {
    size->cell_width = ws.ws_xpixel / ws.ws_col;
    size->cell_height = ws.ws_ypixel / ws.ws_row;
  }
  return true;
}

/* Piped into a pager, the picture still fits the terminal the user sees:
 * when fd is not one, standard error or the controlling terminal is asked. */
TermSize termview_size(int fd)
{
  TermSize size = { env_int("COLUMNS", 80), env_int("LINES", 24), 0, 0 };
  if (ask_size(fd, &size) || ask_size(STDERR_FILENO, &size))
    return size;
  int tty = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
  ask_size(tty, &size);
  if (tty >= 0)
    close(tty);
  return size;
}

/* ---- the query ------------------------------------------------------------------ */

/* Reads the terminal's answers until the DA1 reply ("ESC [ ? ... c") ends
 * them, or the time is up. */
static void read_replies(int fd, GString *reply)
{
  gint64 deadline = g_get_monotonic_time() + QUERY_TIMEOUT_MS * 1000;
  struct pollfd pfd = { fd, POLLIN, 0 };
  while (g_get_monotonic_time() < deadline) {
    int left = (int)((deadline - g_get_monotonic_time()) / 1000);
    if (poll(&pfd, 1, MAX(left, 1)) <= 0)
      break;
    char buffer[256];
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0)
      break;
    g_string_append_len(reply, buffer, n);
    const char *da = strstr(reply->str, "\033[?");
    if (da && strchr(da, 'c'))
      break;
  }
}

static bool da1_lists(const char *reply, const char *feature)
{
  const char *da = strstr(reply, "\033[?");
  if (!da)
    return false;
  const char *end = strchr(da, 'c');
  char *params = g_strndup(da + 3, end ? (gsize)(end - da - 3) : strlen(da + 3));
  char **list = g_strsplit(params, ";", -1);
  bool found = false;
  for (int i = 0; list[i] && !found; i++)
    found = strcmp(list[i], feature) == 0;
  g_strfreev(list);
  g_free(params);
  return found;
}

TermGraphics termview_detect(void)
{
  int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return TERM_BLOCKS;
  struct termios saved, raw;
  if (tcgetattr(fd, &saved) != 0) {
    close(fd);
    return TERM_BLOCKS;
  }
  raw = saved;
  raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  tcsetattr(fd, TCSANOW, &raw);
  /* kitty's graphics query, then DA1, which every terminal answers */
  static const char query[] = "\033_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\033\\\033[c";
  GString *reply = g_string_new(NULL);
  if (write(fd, query, sizeof query - 1) == (ssize_t)(sizeof query - 1))
    read_replies(fd, reply);
  tcsetattr(fd, TCSANOW, &saved);
  close(fd);
  TermGraphics graphics = strstr(reply->str, "_Gi=31;OK") ? TERM_KITTY
                          : da1_lists(reply->str, "4") ? TERM_SIXEL : TERM_BLOCKS;
  g_string_free(reply, TRUE);
  return graphics;
}

void termview_pixels(TermGraphics graphics, const TermSize *size, int cols, int rows,
                     int *width, int *height)
{
  if (graphics == TERM_BLOCKS) {
    *width = cols;
    *height = rows * 2;
    return;
  }
  *width = cols * (size->cell_width ? size->cell_width : DEFAULT_CELL_WIDTH);
  *height = rows * (size->cell_height ? size->cell_height : DEFAULT_CELL_HEIGHT);
}

/* ---- half blocks ------------------------------------------------------------------- */

static void rgb_at(const unsigned char *data, int stride, int x, int y, int rgb[3])
{
  guint32 pixel = *(const guint32 *)(const void *)(data + (gsize)y * stride + (gsize)x * 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static void write_blocks(FILE *out, cairo_surface_t *image)
{
  int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
  int stride = cairo_image_surface_get_stride(image);
  const unsigned char *data = cairo_image_surface_get_data(image);
  for (int y = 0; y < height; y += 2) {
    int last_fg = -1, last_bg = -1;
    for (int x = 0; x < width; x++) {
      int top[3], bottom[3] = { 0, 0, 0 };
      rgb_at(data, stride, x, y, top);
      if (y + 1 < height)
        rgb_at(data, stride, x, y + 1, bottom);
      int fg = top[0] << 16 | top[1] << 8 | top[2];
      int bg = bottom[0] << 16 | bottom[1] << 8 | bottom[2];
      if (fg != last_fg)
        fprintf(out, "\033[38;2;%d;%d;%dm", top[0], top[1], top[2]);
      if (bg != last_bg && y + 1 < height)
        fprintf(out, "\033[48;2;%d;%d;%dm", bottom[0], bottom[1], bottom[2]);
      last_fg = fg, last_bg = bg;
      fputs("\u2580", out);
    }
    fputs("\033[0m\n", out);
  }
}

/* ---- kitty --------------------------------------------------------------------------- */

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append(closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void write_kitty(FILE *out, cairo_surface_t *image, const TermSize *size)
{
  GByteArray *png = g_byte_array_new();
  cairo_surface_write_to_png_stream(image, append_bytes, png);
  char *base64 = g_base64_encode(png->data, png->len);
  size_t len = strlen(base64);
  int cell_h = size->cell_height ? size->cell_height : DEFAULT_CELL_HEIGHT;
  int rows = (cairo_image_surface_get_height(image) + cell_h - 1) / cell_h;
  for (size_t at = 0; at < len; at += 4096) {
    size_t n = MIN(4096, len - at);
    int more = at + n < len;
    if (at == 0)
      fprintf(out, "\033_Gf=100,a=T,r=%d,m=%d;", rows, more);
    else
      fprintf(out, "\033_Gm=%d;", more);
    fwrite(base64 + at, 1, n, out);
    fputs("\033\\", out);
  }
  fputs("\n", out);
  g_free(base64);
  g_byte_array_unref(png);
}

/* ---- sixel ----------------------------------------------------------------------------- */

/* A 6x6x6 colour cube: enough for a page of black text on white with photos. */
static int cube_index(int rgb[3])
{
  return (rgb[0] * 5 + 127) / 255 * 36 + (rgb[1] * 5 + 127) / 255 * 6 + (rgb[2] * 5 + 127) / 255;
}

static void write_sixel_band(FILE *out, const unsigned char *data, int stride, int width,
                             int height, int top, unsigned char *index)
{
  bool used[216] = { false };
  for (int x = 0; x < width; x++)
    for (int dy = 0; dy < 6 && top + dy < height; dy++) {
      int rgb[3];
      rgb_at(data, stride, x, top + dy, rgb);
      index[dy * width + x] = (unsigned char)cube_index(rgb);
      used[index[dy * width + x]] = true;
    }
  for (int c = 0; c < 216; c++) {
    if (!used[c])
      continue;
    fprintf(out, "#%d", c);
    int run = 0, last = -1;
    for (int x = 0; x <= width; x++) {
      int bits = 0;
      for (int dy = 0; x < width && dy < 6 && top + dy < height; dy++)
        bits |= (index[dy * width + x] == c) << dy;
      if (x < width && bits == last) {
        run++;
        continue;
      }
      if (run > 3)
        fprintf(out, "!%d%c", run, 63 + last);
      else
        for (int k = 0; k < run; k++)
          fputc(63 + last, out);
      last = bits, run = 1;
    }
    fputc('$', out);
  }
  fputc('-', out);
}

static void write_sixel(FILE *out, cairo_surface_t *image)
{
  int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
  int stride = cairo_image_surface_get_stride(image);
  const unsigned char *data = cairo_image_surface_get_data(image);
  fprintf(out, "\033Pq\"1;1;%d;%d", width, height);
  for (int c = 0; c < 216; c++)
    fprintf(out, "#%d;2;%d;%d;%d", c, c / 36 * 20, c / 6 % 6 * 20, c % 6 * 20);
  unsigned char *index = g_malloc((gsize)width * 6);
  for (int top = 0; top < height; top += 6)
    write_sixel_band(out, data, stride, width, height, top, index);
  g_free(index);
  fputs("\033\\\n", out);
}

void termview_write(FILE *out, cairo_surface_t *image, TermGraphics graphics, const TermSize *size)
{
  cairo_surface_flush(image);
  switch (graphics) {
  case TERM_BLOCKS: write_blocks(out, image); break;
  case TERM_KITTY: write_kitty(out, image, size); break;
  case TERM_SIXEL: write_sixel(out, image); break;
  }
  fflush(out);
}
