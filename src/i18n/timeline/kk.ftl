## timeline: the exporter's desk on a consignment, and correcting a returned application
timeline-title = Жұмыс барысы
timeline-party-exporter = Сіздің компанияңыз
timeline-party-registry = Тіркеу бөлімі
timeline-party-kz = Қазақстан зертханасы
timeline-party-cn = Қытай зертханасы
timeline-party-joint = Бірлескен зертхана
timeline-application_filed = { $code } сынақ жүргізуге өтінім берілді
timeline-application_returned = Өтінім түзетуге қайтарылды: { $reason }
timeline-application_resubmitted = Түзетілген өтінім қайта берілді
timeline-application_accepted = Өтінім қабылданды; жүк партиясы тіркелді
timeline-consignment_registered = Жүк партиясы тіркелді
timeline-sample_drawn = { $code } сынамасы тіркелді: { $drawn } алынып, пломбаланды
timeline-sample_cancelled = { $code } сынамасы жойылды
timeline-portion_received = { $lab }: { $code } сынамасының өз бөлігі қабылданды
timeline-portion_rejected = { $lab }: { $code } сынамасының өз бөлігі сынаққа жарамсыз деп қабылданбады
timeline-testing_progress =
    { $count ->
       *[other] { $lab }: { $count } сынақтың { $verified } расталды
    }
timeline-discrepancy_opened = Екі зертхананың { $code } сынамасы бойынша нәтижелері сәйкес емес: нәтижелердің алшақтығы ашылды
timeline-discrepancy_resolved = { $code } сынамасы бойынша нәтижелердің алшақтығы шешілді
timeline-certificate_issued = Құжат берілді: { $document } { $number }
timeline-certificate_replaced = { $number } сертификаты { $replacement } сертификатымен ауыстырылды
timeline-certificate_replaced_plain = { $number } сертификаты ауыстырылды
timeline-certificate_revoked = { $number } сертификаты кері қайтарылды: { $reason }
timeline-notice_issued = { $number } сәйкессіздік туралы хабарлама берілді
timeline-open_document = Ашу
timeline-download_pdf = PDF жүктеу
timeline-conformity_title = Сынамалар бойынша сәйкестік
timeline-no_verified_results = Расталған нәтижелер әзірге жоқ.
timeline-sample_conforms = Барлық сынақ сәйкес келеді
timeline-sample_does_not_conform = Кейбір сынақтар сәйкес келмейді
timeline-laboratory = Зертхана
timeline-correct = Түзетіп, қайта беру
timeline-correct_title = Қайтарылған өтінімді түзету
timeline-correct_lead = Тіркеу бөлімі сұраған нәрсені түзетіп, өтінімді қайта беріңіз: ол тіркеу бөлімінің кезегіне қайта түседі.
timeline-resubmit = Қайта беру
timeline-copy = Жаңа өтінімге көшіру
timeline-copy_lead = Бұл нысан { $code } өтінімінің көшірмесі. Барлық өрісті тексеріп, шекарадан өтудің жоспарланған күнін таңдаңыз.
timeline-not_returned = Тек қайтарылған өтінімді түзетіп, қайта беруге болады.
timeline-party-border = Шекаралық бақылау
timeline-border_check = { $post } өткізу пункті: { $number } сертификаты — { $outcome }
