## timeline: the exporter's desk on a consignment, and correcting a returned application
timeline-title = Ход работ
timeline-party-exporter = Ваша компания
timeline-party-registry = Регистратура
timeline-party-kz = Казахстанская лаборатория
timeline-party-cn = Китайская лаборатория
timeline-party-joint = Совместная лаборатория
timeline-application_filed = Подана заявка на испытания { $code }
timeline-application_returned = Заявка возвращена на исправление: { $reason }
timeline-application_resubmitted = Исправленная заявка подана повторно
timeline-application_accepted = Заявка принята; партия груза зарегистрирована
timeline-consignment_registered = Партия груза зарегистрирована
timeline-sample_drawn = Зарегистрирована проба { $code }: отобрана и опломбирована { $drawn }
timeline-sample_cancelled = Проба { $code } аннулирована
timeline-portion_received = { $lab }: принята своя часть пробы { $code }
timeline-portion_rejected = { $lab }: своя часть пробы { $code } отклонена как непригодная для испытаний
timeline-testing_progress =
    { $count ->
        [one] { $lab }: подтверждено { $verified } из { $count } испытания
        [few] { $lab }: подтверждено { $verified } из { $count } испытаний
        [many] { $lab }: подтверждено { $verified } из { $count } испытаний
       *[other] { $lab }: подтверждено { $verified } из { $count } испытания
    }
timeline-discrepancy_opened = Результаты двух лабораторий по пробе { $code } расходятся: открыто расхождение результатов
timeline-discrepancy_resolved = Расхождение результатов по пробе { $code } устранено
timeline-certificate_issued = Выдан документ: { $document } { $number }
timeline-certificate_replaced = Сертификат { $number } заменён сертификатом { $replacement }
timeline-certificate_replaced_plain = Сертификат { $number } заменён
timeline-certificate_revoked = Сертификат { $number } отозван: { $reason }
timeline-notice_issued = Выдано уведомление о несоответствии { $number }
timeline-open_document = Открыть
timeline-download_pdf = Скачать PDF
timeline-conformity_title = Соответствие по пробам
timeline-no_verified_results = Подтверждённых результатов пока нет.
timeline-sample_conforms = Все испытания: соответствует
timeline-sample_does_not_conform = Есть испытания с результатом «не соответствует»
timeline-laboratory = Лаборатория
timeline-correct = Исправить и подать повторно
timeline-correct_title = Исправление возвращённой заявки
timeline-correct_lead = Исправьте то, что просила регистратура, и подайте заявку повторно: она снова попадёт в очередь регистратуры.
timeline-resubmit = Подать повторно
timeline-copy = Скопировать в новую заявку
timeline-copy_lead = Эта форма — копия заявки { $code }. Проверьте все поля и укажите планируемую дату пересечения границы.
timeline-not_returned = Исправить и подать повторно можно только возвращённую заявку.
timeline-party-border = Пограничный контроль
timeline-border_check = Пункт пропуска { $post }: сертификат { $number } — { $outcome }
