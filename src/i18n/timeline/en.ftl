## timeline: the exporter's desk on a consignment, and correcting a returned application
timeline-title = Timeline
timeline-party-exporter = Your company
timeline-party-registry = Registry
timeline-party-kz = Kazakh laboratory
timeline-party-cn = Chinese laboratory
timeline-party-joint = Joint laboratory
timeline-application_filed = Testing application { $code } filed
timeline-application_returned = Application returned for correction: { $reason }
timeline-application_resubmitted = Corrected application submitted again
timeline-application_accepted = Application accepted; the consignment is registered
timeline-consignment_registered = Consignment registered
timeline-sample_drawn = Sample { $code } registered: drawn and sealed { $drawn }
timeline-sample_cancelled = Sample { $code } cancelled
timeline-portion_received = { $lab } received its portion of sample { $code }
timeline-portion_rejected = { $lab } rejected its portion of sample { $code } as unfit for testing
timeline-testing_progress =
    { $count ->
        [one] { $lab }: { $verified } of { $count } test verified
       *[other] { $lab }: { $verified } of { $count } tests verified
    }
timeline-discrepancy_opened = The two laboratories' results on sample { $code } differ: a discrepancy is open
timeline-discrepancy_resolved = Discrepancy on sample { $code } resolved
timeline-certificate_issued = { $document } { $number } issued
timeline-certificate_replaced = Certificate { $number } replaced by { $replacement }
timeline-certificate_replaced_plain = Certificate { $number } replaced
timeline-certificate_revoked = Certificate { $number } revoked: { $reason }
timeline-notice_issued = Non-conformity notice { $number } issued
timeline-open_document = Open
timeline-download_pdf = Download PDF
timeline-conformity_title = Conformity by sample
timeline-no_verified_results = No verified results yet.
timeline-sample_conforms = Every test conforms
timeline-sample_does_not_conform = Some tests do not conform
timeline-laboratory = Laboratory
timeline-correct = Correct and submit again
timeline-correct_title = Correct the returned application
timeline-correct_lead = Change what the registry asked for and submit the application again: it goes back to the registry's queue.
timeline-resubmit = Submit again
timeline-copy = Copy into a new application
timeline-copy_lead = This form is a copy of application { $code }. Check every field and choose the planned crossing date.
timeline-not_returned = Only a returned application can be corrected and submitted again.
timeline-party-border = Border inspection
timeline-border_check = { $post } border post: certificate { $number } — { $outcome }
