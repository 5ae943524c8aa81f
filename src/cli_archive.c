/* cli_archive.c — `galley archive`: one PDF per article and an index
 * (archive.h does the work; this passes the command line on). */
#include "cli.h"

#include "archive.h"

int cli_archive_run(const Options *options)
{
  char *data_dir = cli_data_dir();
  char *layout = cli_resolve_layout(data_dir, options->layout ? options->layout : "archive");
  char *galley = g_file_read_link("/proc/self/exe", NULL);
  ArchiveOptions archive = { galley, data_dir, layout, options->output, options->inputs,
                             options->jobs, options->plan, options->index_only, options->force,
                             options->quiet, options->verbose };
  int status = archive_run(&archive);
  g_free(galley);
  g_free(layout);
  g_free(data_dir);
  return status;
}
