## Label sheet: one bilingual label per portion, A4 or a 58 × 40 mm label printer.

labels-title = Label sheet
labels-print = Print labels
labels-sizes = Label size
labels-size-a4 = A4 sheet
labels-size-58x40 = Label printer 58 × 40 mm
labels-print_hint-a4 = Print this page on A4 paper (Ctrl+P) and cut along the dashed lines: one label per portion.
labels-print_hint-58x40 = Print this page (Ctrl+P) on the label printer with 58 × 40 mm labels: one label per portion, each on its own label.
labels-seal = Seal
