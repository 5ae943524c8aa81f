/* cli_check.c — galley check: a proof report without writing a PDF. */
#include "cli.h"

#include "proof.h"

static void print_findings(const ProofReport *report, gboolean errors_only)
{
  for (guint i = 0; i < report->findings->len; i++) {
    const ProofFinding *f = &g_array_index(report->findings, ProofFinding, i);
    if (errors_only && !proof_kind_is_error(f->kind))
      continue;
    const char *level = proof_kind_is_error(f->kind) ? "error" : "warning";
    if (f->file && f->line > 0)
      printf("%s:%d: %s: %s\n", f->file, f->line, level, f->message);
    else
      printf("%s: %s: %s\n", f->file ? f->file : "galley", level, f->message);
  }
}

static void print_figures(const ProofReport *report)
{
  printf("%d body lines, %d hyphenated (%.1f %%); %d full justified lines of 4 words or more "
         "measured for spacing\n", report->body_lines, report->hyphenated_lines,
         report->body_lines ? 100.0 * report->hyphenated_lines / report->body_lines : 0.0,
         report->measured_lines);
}

static void print_summary(const ProofReport *report)
{
  const int *n = report->counts;
  double pct = proof_loose_pct(report);
  printf("%d page%s: %d overset, %d missing photo%s, %d headline%s too long; "
         "%d widow%s, %d orphan%s, %d ladder%s, %d low-resolution photo%s; "
         "loose lines ", report->pages, report->pages == 1 ? "" : "s", n[PROOF_OVERSET],
         n[PROOF_MISSING_IMAGE], n[PROOF_MISSING_IMAGE] == 1 ? "" : "s",
         n[PROOF_HEADLINE_TOO_LONG], n[PROOF_HEADLINE_TOO_LONG] == 1 ? "" : "s",
         n[PROOF_WIDOW], n[PROOF_WIDOW] == 1 ? "" : "s", n[PROOF_ORPHAN],
         n[PROOF_ORPHAN] == 1 ? "" : "s", n[PROOF_LADDER], n[PROOF_LADDER] == 1 ? "" : "s",
         n[PROOF_LOW_RES_PHOTO], n[PROOF_LOW_RES_PHOTO] == 1 ? "" : "s");
  if (pct < 0)
    printf("not measured\n");
  else
    printf("%.1f %% (%d of %d justified lines)\n", pct, report->loose_lines, report->measured_lines);
  printf("%s\n", report->errors ? "galley check: errors found" : "galley check: no errors");
}

int cli_check_run(const Options *options)
{
  Job job = { 0 };
  int status = EXIT_BAD_INPUT;
  /* the proof reports a photo that cannot be read as one of its errors */
  Options proof = *options;
  proof.placeholder_images = TRUE;
  DisplayList *list = cli_job_load(&job, options) ? cli_job_compose(&job, &proof) : NULL;
  if (list) {
    cli_progress(options, "reading the proof");
    ProofReport *report = proof_run(list, job.layout, (Article *const *)job.articles->pdata,
                                    job.articles->len);
    /* an edition sizes each headline to its own slot's lines, and reports
     * the story overset when it cannot: the layout's limit does not apply */
    if (job.edition)
      proof_report_drop(report, PROOF_HEADLINE_TOO_LONG);
    cli_progress_done(options);
    if (!options->quiet)
      diag_log_print(job.log);
    if (options->json) {
      char *json = proof_report_json(report);
      fputs(json, stdout);
      g_free(json);
    } else {
      print_findings(report, options->quiet);
      if (options->verbose)
        print_figures(report);
      print_summary(report);
    }
    /* an edition's overset stories are errors of the proof too */
    bool overset = cli_edition_status(options, &job) == EXIT_OVERSET;
    status = cli_write_dump(list, options->dump_boxes)
               ? (report->errors || overset ? EXIT_FINDINGS : EXIT_SUCCESS) : EXIT_BAD_INPUT;
    proof_report_free(report);
    display_list_free(list);
  }
  cli_job_clear(&job);
  return status;
}
