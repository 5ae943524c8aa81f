/* pdfx.h — PDF/X for newsprint through Ghostscript.
 *
 * Ghostscript (an external program, `gs`) rewrites the PDF in DeviceGray
 * or DeviceCMYK with an output intent. Text and rules stay pure black:
 * in gray there is only K; in CMYK Ghostscript is told to keep black text
 * and vector art on the black plate (-dBlackText -dBlackVector), never a
 * four-colour black. The exact command line is pdfx_command_line(). */
#ifndef GALLEY_PDFX_H
#define GALLEY_PDFX_H

/* What the files are, in their Info dictionary and XMP. */
#define PDFX_VERSION "PDF/X-1a:2003"

#include <glib.h>

#include "model.h"

/* The PDF/X version of pdf. NULL with an error when gs is missing or fails. */
GBytes *pdfx_convert(GBytes *pdf, PdfxColour colour, const char *title, gint64 time,
                     GError **error);

/* The arguments galley runs gs with (NULL-terminated; caller frees with
 * g_strfreev); a failing run's error shows them. */
char **pdfx_command_line(PdfxColour colour, const char *definitions, const char *input,
                         const char *output);

#endif
