/* main.c — the galley command line: a table of subcommands, each with its
 * GOptionEntry tables, from which its --help is generated. The commands
 * themselves are in cli_*.c (see cli.h).
 *
 * Exit status: 0 success; 1 galley check found errors; 2 bad input, usage
 * error or unwritable output; 3 an edition was written but a story is
 * overset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
  const char *name;
  const char *summary;
  int (*run)(const Options *options);
  const GOptionEntry *const *entries;   /* NULL-terminated list of tables */
  const char *examples;
} Command;

static Options opts = { .min_photo_ppi = -1 };

#define END { NULL, 0, 0, 0, NULL, NULL, NULL }
#define LAYOUT_ENTRY { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name, see 'galley layouts' (default: tabloid)", "LAYOUT" }
#define DUMP_ENTRY { "dump-boxes", 0, 0, G_OPTION_ARG_FILENAME, &opts.dump_boxes, "Also write the display list as JSON", "FILE.json" }
#define OVERLAY_ENTRY { "overlay", 0, 0, G_OPTION_ARG_NONE, &opts.overlay, "Draw columns, baseline grid, story frames and proof marks in non-photo blue", NULL }
#define PLACEHOLDER_ENTRY { "placeholder-images", 0, 0, G_OPTION_ARG_NONE, &opts.placeholder_images, "Proof without a photo that is missing or cannot be read: a grey placeholder, crossed out, in its place and a warning (else an error, and nothing written)", NULL }
#define INPUTS_ENTRY { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md|ARTICLE.txt|-...|EDITION.yaml" }

/* Plain-text articles, wherever articles are read. */
static const GOptionEntry import_entries[] = {
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opts.date_order, "Plain-text articles: read dates such as 6/1/2015 as dmy or mdy (default: from the text, else dmy)", "ORDER" },
  { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Plain-text articles: keep web furniture (\"Latest Videos\", \"Share this\")", NULL },
  END
};

static const GOptionEntry verbosity_entries[] = {
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Say more about what was done", NULL },
  END
};

static const GOptionEntry build_entries[] = {
  LAYOUT_ENTRY,
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write the PDF here; - for standard output (required)", "FILE.pdf" },
  { "watch", 'w', 0, G_OPTION_ARG_NONE, &opts.watch, "Rebuild whenever an article, photo or the layout changes; one line per build", NULL },
  { "print", 0, 0, G_OPTION_ARG_NONE, &opts.print, "Print-ready: bleed, crop and registration marks, slug line", NULL },
  { "bleed", 0, 0, G_OPTION_ARG_STRING, &opts.bleed, "Bleed beyond the trim; implies --print (default: 3mm)", "LENGTH" },
  { "edition", 0, 0, G_OPTION_ARG_STRING, &opts.edition, "Edition named on the slug line", "NAME" },
  { "pdfx", 0, 0, G_OPTION_ARG_NONE, &opts.pdfx, "PDF/X-1a for newsprint through Ghostscript, in grayscale", NULL },
  { "pdfx-cmyk", 0, 0, G_OPTION_ARG_NONE, &opts.pdfx_cmyk, "PDF/X-1a in CMYK, text and rules on the black plate only", NULL },
  { "min-photo-ppi", 0, 0, G_OPTION_ARG_DOUBLE, &opts.min_photo_ppi, "Warn about photos below this resolution (default: 150)", "PPI" },
  PLACEHOLDER_ENTRY,
  OVERLAY_ENTRY,
  DUMP_ENTRY,
  INPUTS_ENTRY,
  END
};

static const GOptionEntry preview_entries[] = {
  LAYOUT_ENTRY,
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Picture file name; %d becomes the page number; .svg for SVG", "page-%d.png" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opts.format, "png or svg (default: from the -o name, else png)", "FORMAT" },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &opts.dpi, "PNG resolution in dots per inch (default: 100; 24 for --sheet)", "DPI" },
  { "pages", 'p', 0, G_OPTION_ARG_STRING, &opts.pages, "Pages to draw, such as 1-3,5 (default: all)", "LIST" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &opts.pages, "Alias of --pages", "N" },
  { "sheet", 0, 0, G_OPTION_ARG_NONE, &opts.sheet, "One PNG with every page as a labelled thumbnail (a contact sheet)", NULL },
  { "term", 't', 0, G_OPTION_ARG_NONE, &opts.term, "Draw the pages in this terminal, fitted to its size", NULL },
  { "graphics", 0, 0, G_OPTION_ARG_STRING, &opts.graphics, "With --term: auto (ask the terminal), blocks, kitty or sixel (default: auto)", "MODE" },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opts.size, "With --term: fit pages to COLSxROWS instead of the terminal", "COLSxROWS" },
  PLACEHOLDER_ENTRY,
  OVERLAY_ENTRY,
  DUMP_ENTRY,
  INPUTS_ENTRY,
  END
};

static const GOptionEntry check_entries[] = {
  LAYOUT_ENTRY,
  { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, "Print the report as JSON", NULL },
  DUMP_ENTRY,
  INPUTS_ENTRY,
  END
};

static const GOptionEntry import_command_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write the article here; a folder (DIR/) for several files (default: standard output)", "DIR/" },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opts.date_order, "Read dates such as 6/1/2015 as dmy or mdy (default: from the text, else dmy)", "ORDER" },
  { "keep-all", 0, 0, G_OPTION_ARG_NONE, &opts.keep_all, "Keep web furniture (\"Latest Videos\", \"Share this\") in the body", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Print errors only, not what was detected", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Also say which files were written", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "FILE.txt..." },
  END
};

static const GOptionEntry fonts_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, "Print the list as JSON", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Also show each family's faces and folders", NULL },
  END
};

static const GOptionEntry layouts_entries[] = {
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts.verbose, "Also show where each layout file is", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "[LAYOUT.yaml...]" },
  END
};

static const GOptionEntry new_entries[] = {
  LAYOUT_ENTRY,
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opts.quiet, "Do not say what was made", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "DIR" },
  END
};

static const GOptionEntry thread_entries[] = {
  { "jobs", 'j', 0, G_OPTION_ARG_INT, &opts.jobs, "Set stories in type on this many threads (default: one per core); the output is the same for any number", "N" },
  END
};

static const GOptionEntry *const build_tables[] = { build_entries, thread_entries, import_entries, verbosity_entries, NULL };
static const GOptionEntry *const preview_tables[] = { preview_entries, thread_entries, import_entries, verbosity_entries, NULL };
static const GOptionEntry *const check_tables[] = { check_entries, thread_entries, import_entries, verbosity_entries, NULL };
static const GOptionEntry *const import_tables[] = { import_command_entries, NULL };
static const GOptionEntry *const fonts_tables[] = { fonts_entries, NULL };
static const GOptionEntry *const layouts_tables[] = { layouts_entries, NULL };
static const GOptionEntry archive_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, "Write DIR/NAME.pdf for each article and DIR/index.pdf (required)", "DIR/" },
  { "layout", 'l', 0, G_OPTION_ARG_FILENAME, &opts.layout, "Page layout: a YAML file or a shipped name (default: archive)", "LAYOUT" },
  { "jobs", 'j', 0, G_OPTION_ARG_INT, &opts.jobs, "Build this many articles at a time (default: one per core)", "N" },
  { "plan", 0, 0, G_OPTION_ARG_NONE, &opts.plan, "Print a shell command per article to build, then the index's, and build nothing (for GNU parallel or a job array)", NULL },
  { "index-only", 0, 0, G_OPTION_ARG_NONE, &opts.index_only, "Make the index from PDFs already built (a plan's last command)", NULL },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opts.force, "Build every article again, changed or not", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.inputs, NULL, "ARTICLE.md|ARTICLE.txt..." },
  { NULL, 0, 0, 0, NULL, NULL, NULL }
};

static const GOptionEntry *const new_tables[] = { new_entries, NULL };
static const GOptionEntry *const archive_tables[] = { archive_entries, verbosity_entries, NULL };

static const Command commands[] = {
  { "build", "lay articles out and write a PDF", cli_build_run, build_tables,
    "  galley build --layout tabloid -o out/edition.pdf articles/*.md\n"
    "  galley build --watch -o out/edition.pdf articles/*.md\n"
    "  cat story.md | galley build -o - - > story.pdf" },
  { "preview", "draw pages as PNG or SVG pictures, a contact sheet, or in the terminal", cli_preview_run, preview_tables,
    "  galley preview --pages 1-3,5 -o out/page-%d.png articles/*.md\n"
    "  galley preview --sheet -o out/sheet.png articles/*.md\n"
    "  galley preview --term --overlay articles/*.md" },
  { "check", "proof the pages without writing a PDF (widows, loose lines, photos...)", cli_check_run, check_tables,
    "  galley check articles/*.md\n"
    "  galley check --json articles/*.md > proof.json" },
  { "import", "turn scraped plain-text articles into the article format", cli_import_run, import_tables,
    "  galley import raw/story.txt > story.md\n"
    "  galley import -o articles/ raw/*.txt" },
  { "fonts", "list the font families galley sees and where they come from", cli_fonts_run, fonts_tables,
    "  galley fonts -v" },
  { "layouts", "list the shipped layouts (or describe the files given)", cli_layouts_run, layouts_tables,
    "  galley layouts" },
  { "archive", "one PDF per article in a folder, with an index; only what changed", cli_archive_run,
    archive_tables,
    "  galley archive -o archive/ articles/*.md\n"
    "  galley archive --plan -o archive/ articles/*.md | parallel" },
  { "new", "make a folder for an edition that builds at once", cli_new_run, new_tables,
    "  galley new my-paper && cd my-paper && galley build -o edition.pdf edition.yaml" },
};

static void print_usage(FILE *out)
{
  fprintf(out, "Usage: galley COMMAND [OPTIONS] ARTICLE.md...\n\n"
               "galley lays out newspaper pages from Markdown articles and YAML page layouts.\n"
               "Plain-text articles (.txt) are imported on the way in; - reads an article\n"
               "from standard input. An edition file (.yaml) lays out whole newspaper pages:\n"
               "slots, nameplate, folios, jumps.\n\n"
               "Commands:\n");
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nOptions:\n  --help     show this help; 'galley COMMAND --help' for a command's options\n"
               "  --version  show galley's version\n\n"
               "Examples:\n"
               "  galley build --layout tabloid -o out/story.pdf samples/oligo-news/*.md\n"
               "  galley build -v -o out/edition.pdf samples/oligo-news/edition.yaml\n"
               "  galley preview --term samples/oligo-news/*.md\n"
               "  galley check samples/oligo-news/*.md\n"
               "  galley import -o articles/ raw/*.txt\n"
               "  galley archive -o archive/ articles/*.md\n\n"
               "Exit status: 0 success; 1 'galley check' found errors; 2 bad input, usage error\n"
               "or unwritable output; 3 an edition was written but a story is overset (listed\n"
               "on stderr). 'man galley' has the whole story.\n");
}

static void free_options(void)
{
  g_free(opts.layout);
  g_free(opts.output);
  g_free(opts.dump_boxes);
  g_free(opts.pages);
  g_free(opts.format);
  g_free(opts.graphics);
  g_free(opts.size);
  g_free(opts.date_order);
  g_free(opts.bleed);
  g_free(opts.edition);
  g_strfreev(opts.inputs);
}

static int run_command(const Command *command, int argc, char **argv)
{
  /* GOption names the arguments itself, from the G_OPTION_REMAINING entry */
  char *parameter = g_strdup_printf("- %s", command->summary);
  GOptionContext *context = g_option_context_new(parameter);
  g_free(parameter);
  for (int t = 0; command->entries[t]; t++)
    g_option_context_add_main_entries(context, command->entries[t], NULL);
  char *description = g_strdup_printf("Examples:\n%s\n\nExit status: 0 success; 1 'galley check' "
                                      "found errors; 2 bad input, usage error or unwritable output; "
                                      "3 an edition was written but a story is overset.\n",
                                      command->examples);
  g_option_context_set_description(context, description);
  g_free(description);
  char *prgname = g_strdup_printf("galley %s", command->name);
  g_set_prgname(prgname);
  g_free(prgname);
  GError *error = NULL;
  int status;
  if (!g_option_context_parse(context, &argc, &argv, &error)) {
    fprintf(stderr, "galley: error: %s; try 'galley %s --help'\n", error->message, command->name);
    g_error_free(error);
    status = EXIT_BAD_INPUT;
  } else {
    status = command->run(&opts);
  }
  g_option_context_free(context);
  free_options();
  return status;
}

int main(int argc, char **argv)
{
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    print_usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_BAD_INPUT : EXIT_SUCCESS;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("galley %s\n", GALLEY_VERSION);
    return EXIT_SUCCESS;
  }
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return run_command(&commands[i], argc - 1, argv + 1);
  fprintf(stderr, "galley: error: unknown command '%s'; try 'galley --help'\n", argv[1]);
  return EXIT_BAD_INPUT;
}
