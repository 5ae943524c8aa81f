/* pdfx.c — runs Ghostscript's pdfwrite with -dPDFX on a temporary copy.
 *
 * galley writes its own PDF/X definitions (the role of Ghostscript's
 * PDFX_def.ps): the PDF/X version, title and trapping in the Info
 * dictionary and an output intent embedding Ghostscript's own gray or
 * CMYK ICC profile. The result is PDF/X-1a:2003: DeviceGray or DeviceCMYK
 * only, no transparency (PDF 1.3), every font embedded, TrimBox and
 * BleedBox on every page. */
#include "pdfx.h"

#include <glib/gstdio.h>
#include <string.h>

#include "diag.h"

#define ICC_DIR "/usr/share/color/icc/ghostscript/"

static const char *profile_for(PdfxColour colour)
{
  return colour == PDFX_CMYK ? ICC_DIR "default_cmyk.icc" : ICC_DIR "default_gray.icc";
}

char **pdfx_command_line(PdfxColour colour, const char *definitions, const char *input,
                         const char *output)
{
  gboolean cmyk = colour == PDFX_CMYK;
  GPtrArray *argv = g_ptr_array_new();
  const char *fixed[] = {
    "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "--permit-file-read=" ICC_DIR,
    "-sDEVICE=pdfwrite", "-dPDFX", "-dCompatibilityLevel=1.3", "-dAutoRotatePages=/None",
    "-dEmbedAllFonts=true",
    /* black text and rules on the black plate only, never four-colour */
    "-dBlackText", "-dBlackVector",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
    g_ptr_array_add(argv, g_strdup(fixed[i]));
  g_ptr_array_add(argv, g_strdup(cmyk ? "-sColorConversionStrategy=CMYK" : "-sColorConversionStrategy=Gray"));
  g_ptr_array_add(argv, g_strdup(cmyk ? "-sProcessColorModel=DeviceCMYK" : "-sProcessColorModel=DeviceGray"));
  g_ptr_array_add(argv, g_strdup_printf("-sOutputFile=%s", output));
  g_ptr_array_add(argv, g_strdup(definitions));
  g_ptr_array_add(argv, g_strdup(input));
  g_ptr_array_add(argv, NULL);
  return (char **)g_ptr_array_free(argv, FALSE);
}

/* A PostScript string of UTF-16BE with a byte order mark, as PDF wants
 * for text outside PDFDocEncoding. */
static char *ps_text(const char *utf8)
{
  glong units = 0;
  gunichar2 *utf16 = g_utf8_to_utf16(utf8 ? utf8 : "", -1, NULL, &units, NULL);
  GString *out = g_string_new("<FEFF");
  for (glong i = 0; utf16 && i < units; i++)
    g_string_append_printf(out, "%04X", utf16[i]);
  g_string_append_c(out, '>');
  g_free(utf16);
  return g_string_free(out, FALSE);
}

static char *definitions(PdfxColour colour, const char *title)
{
  char *ps_title = ps_text(title);
  const char *profile = profile_for(colour);
  char *text = g_strdup_printf(
      "%% galley's PDF/X definitions for Ghostscript\n"
      "[ /GTS_PDFXVersion (" PDFX_VERSION ") /Title %s /Trapped /False /DOCINFO pdfmark\n"
      "[ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n"
      "[ {icc_PDFX} << /N %d >> /PUT pdfmark\n"
      "[ {icc_PDFX} (%s) (r) file /PUT pdfmark\n"
      "[ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n"
      "[ {OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX\n"
      "    /OutputCondition (%s newsprint) /OutputConditionIdentifier (Custom)\n"
      "    /RegistryName (http://www.color.org) /Info (Ghostscript %s)\n"
      "    /DestOutputProfile {icc_PDFX} >> /PUT pdfmark\n"
      "[ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark\n",
      ps_title, colour == PDFX_CMYK ? 4 : 1, profile, colour == PDFX_CMYK ? "CMYK" : "Gray",
      strrchr(profile, '/') + 1);
  g_free(ps_title);
  return text;
}

static gboolean run_gs(char **argv, gint64 time, GError **error)
{
  /* Ghostscript takes its dates from SOURCE_DATE_EPOCH: same input, same file */
  char **envp = g_get_environ();
  if (time >= 0) {
    char *epoch = g_strdup_printf("%" G_GINT64_FORMAT, time);
    envp = g_environ_setenv(envp, "SOURCE_DATE_EPOCH", epoch, TRUE);
    g_free(epoch);
  }
  char *err_text = NULL;
  int status = 0;
  GError *spawn_error = NULL;
  gboolean ok = g_spawn_sync(NULL, argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                             NULL, NULL, NULL, &err_text, &status, &spawn_error);
  g_strfreev(envp);
  if (!ok) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0,
                   "--pdfx needs Ghostscript, which could not be run (%s); install the Debian "
                   "package ghostscript", spawn_error->message);
    g_error_free(spawn_error);
  } else if (!g_spawn_check_wait_status(status, NULL)) {
    char *command = g_strjoinv(" ", argv);
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0,
                   "Ghostscript could not make the PDF/X file: %s (ran: %s)",
                   g_strstrip(err_text), command);
    g_free(command);
    ok = FALSE;
  }
  g_free(err_text);
  return ok;
}

static gboolean gs_available(GError **error)
{
  char *gs = g_find_program_in_path("gs");
  gboolean found = gs != NULL;
  g_free(gs);
  if (!found)
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0,
                   "--pdfx needs Ghostscript (gs), which is not installed; install the Debian "
                   "package ghostscript, or build without --pdfx");
  else if (!g_file_test(profile_for(PDFX_CMYK), G_FILE_TEST_IS_REGULAR)) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0,
                   "--pdfx needs Ghostscript's ICC profiles in %s; reinstall the Debian package "
                   "libgs10-common", ICC_DIR);
    found = FALSE;
  }
  return found;
}

static GBytes *convert_in(const char *dir, GBytes *pdf, PdfxColour colour, const char *title,
                          gint64 time, GError **error)
{
  char *input = g_build_filename(dir, "in.pdf", NULL);
  char *output = g_build_filename(dir, "out.pdf", NULL);
  char *defs_path = g_build_filename(dir, "pdfx.ps", NULL);
  char *defs = definitions(colour, title);
  gsize len;
  const char *data = g_bytes_get_data(pdf, &len);
  GBytes *result = NULL;
  GError *io = NULL;
  if (g_file_set_contents(input, data, (gssize)len, &io) &&
      g_file_set_contents(defs_path, defs, -1, &io)) {
    char **argv = pdfx_command_line(colour, defs_path, input, output);
    char *contents = NULL;
    gsize size = 0;
    if (run_gs(argv, time, error) && g_file_get_contents(output, &contents, &size, &io))
      result = g_bytes_new_take(contents, size);
    g_strfreev(argv);
  }
  if (io) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, dir, 0, 0, "cannot use the temporary folder: %s",
                   io->message);
    g_error_free(io);
  }
  g_remove(input);
  g_remove(output);
  g_remove(defs_path);
  g_free(defs);
  g_free(defs_path);
  g_free(output);
  g_free(input);
  return result;
}

GBytes *pdfx_convert(GBytes *pdf, PdfxColour colour, const char *title, gint64 time,
                     GError **error)
{
  if (!gs_available(error))
    return NULL;
  GError *io = NULL;
  char *dir = g_dir_make_tmp("galley-pdfx-XXXXXX", &io);
  if (!dir) {
    diag_set_error(error, GALLEY_ERROR_OUTPUT, NULL, 0, 0, "cannot make a temporary folder: %s",
                   io->message);
    g_error_free(io);
    return NULL;
  }
  GBytes *result = convert_in(dir, pdf, colour, title, time, error);
  g_rmdir(dir);
  g_free(dir);
  return result;
}
