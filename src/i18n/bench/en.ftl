# The bench as analysts work: worksheets per sample, results as labs write them, error summaries.

worksheet-title = Worksheet
worksheet-lead = Every test of your side on this sample. Results are saved together or not at all; leave a test empty to keep it on the bench.
worksheet-open = Worksheet
worksheet-open_for = Worksheet for { $code }
worksheet-unit = Unit
worksheet-lod = Limit of detection
worksheet-loq = Limit of quantification
worksheet-no_limit = no limit for the destination
worksheet-instrument = Instrument
worksheet-analysed_on = Date of analysis
worksheet-comment = Comment
worksheet-reading_hint = For example 12.5, 12,5, < 0.01, < LOQ or nd (not detected).
worksheet-empty = None of your side's tests on this sample waits for a result.
worksheet-save = Save all results
worksheet-date_future = The date of analysis cannot be in the future.
entry-errors_title = There is a problem. Nothing was saved:
entry-choose = — choose —
entry-qualitative_hint = For each sample choose not detected or detected. Leave a row unchosen to keep it on the bench.
entry-quantitative_hint = Enter each value in { $unit } as your lab writes it: 12.5 or 12,5, < 0.01, < LOQ, or nd for not detected. Leave a row empty to keep it on the bench.
entry-planned_date_past = The planned crossing date is in the past. Check it before you submit again.
