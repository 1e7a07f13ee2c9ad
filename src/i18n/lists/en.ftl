## Lists: sorting by column, CSV downloads, the exporter search field, home tiles that open a filtered list.

lists-exporter_hint = Name or BIN
lists-by_column = By the column chosen
lists-download_csv = Download CSV
lists-too_many_title = Too many rows for one download
lists-too_many_text = A download holds at most { $max } rows. Narrow the filters (status, dates, exporter) and download again.
lists-back_to_list = Back to the list
lists-tile_discrepancies =
    { $count ->
        [one] sample with an open discrepancy
       *[other] samples with an open discrepancy
    }
lists-tile_applications_waiting =
    { $count ->
        [one] testing application waiting for a decision
       *[other] testing applications waiting for a decision
    }
lists-tile_applications_returned =
    { $count ->
        [one] testing application returned for correction
       *[other] testing applications returned for correction
    }
lists-only_to_receive = Only samples whose portion waits to be received on your side.
lists-only_discrepancies = Only samples with an open discrepancy between the labs.
lists-show_all = Show all
