## certificates
nav-certificates = Сертификаты
certificates-title = Сертификаты и уведомления
certificate-kind-phytosanitary = Фитосанитарный сертификат
certificate-kind-veterinary = Ветеринарный сертификат
certificate-kind-notice = Уведомление о несоответствии
certificate-number = Номер
certificate-issued_at = Выдан
certificate-valid_until = Действителен до
certificate-verification_code = Код проверки
certificate-replaces = Заменяет сертификат
certificate-status-draft = Проект
certificate-status-issued = Выдан
certificate-status-replaced = Заменён
certificate-status-revoked = Отозван
certificate-status-discarded = Отменён
certificate-standing-draft = Проект
certificate-standing-valid = Действителен
certificate-standing-expired = Срок действия истёк
certificate-standing-replaced = Заменён
certificate-standing-revoked = Отозван
certificate-standing-discarded = Отменён
certificate-meaning-issued = выдал
certificate-meaning-co_signed = подписал совместно
certificate-draft_banner = Проект: документ недействителен, пока его не подпишут подписанты сертификата обеих сторон.
certificate-revoked_banner = ОТОЗВАН: документ больше недействителен.
certificate-replaced_banner = ЗАМЕНЁН: сертификат больше недействителен; его заменяет
certificate-expired_banner = СРОК ДЕЙСТВИЯ ИСТЁК: сертификат больше недействителен.
certification-actions = Действия
certification-already_documented = На эту партию груза уже есть сертификат или уведомление. Чтобы исправить выданный сертификат, оформите замену.
certification-awaits_other_side = Ожидает другую сторону
certification-awaits_your_side = Ожидает подписи вашей стороны
certification-confirm_revoke = Отозвать { $number }? Причина: { $reason }. Подписанты обеих сторон, экспортёр и инспекторы увидят его отозванным.
certification-conformity = Соответствие
certification-contents_changed = Результаты или данные партии груза изменились после составления проекта. Отмените проект и составьте его заново.
certification-cosign = Подписать совместно и выдать
certification-declaration_unknown = Одна из выбранных дополнительных деклараций не предусмотрена для этой страны назначения и продукции. Обновите форму.
certification-declarations = Дополнительные декларации
certification-destination = Страна назначения
certification-discard = Отменить проект
certification-documents = Сертификаты и уведомления
certification-download_pdf = Скачать PDF
certification-draft_title = Проект
certification-drafts = Проекты, ожидающие подписей
certification-failed = Не соответствует: нужно уведомление о несоответствии
certification-failed_lead = Результат не соответствует требованиям страны назначения: вместо сертификата партии груза оформляется уведомление о несоответствии.
certification-failing_results = Результаты, которые не соответствуют
certification-gacc_missing = У экспортёра нет действующей регистрации GACC для этой продукции: сертификат для Китая нельзя составить, пока регистрация не внесена.
certification-gacc_missing_named = { $exporter } не внесён в реестр GACC для продукции «{ $commodity }»: сертификат для Китая нельзя составить, пока регистрация не внесена на странице компании.
certification-gacc_missing_short = Нет регистрации GACC
certification-gacc_registration = Регистрация GACC
certification-held = Задержаны
certification-inconclusive = Один из результатов не установлен: проверяющий должен назначить повторное испытание.
certification-issued_now = Выдан под номером { $number }.
certification-kind = Документ
certification-limit = Допустимый уровень
certification-make_draft = Составить проект
certification-method = Метод испытаний
certification-no_documents = Сертификатов и уведомлений пока нет.
certification-no_drafts = Проектов, ожидающих подписи, нет.
certification-no_results = Подтверждённых результатов пока нет.
certification-no_samples = Ни одна проба этой партии груза пока не может быть учтена.
certification-no_signatures = Ещё не подписан.
certification-none_failed = Партий груза, ожидающих уведомления, нет.
certification-none_ready = Партий груза, готовых к сертификации, нет.
certification-not_a_draft = Подписать или отменить можно только проект.
certification-not_issued = Заменить или отозвать можно только выданный документ.
certification-open_discrepancy = Расхождение результатов лабораторий ещё не разрешено.
certification-particulars = Сведения документа
certification-password_again = Ваш пароль для подписи
certification-password_wrong = Пароль неверен. Введите свой пароль ещё раз, чтобы подписать.
certification-ready = Готовы к сертификации
certification-ready_lead = Все результаты соответствуют требованиям страны назначения: можно составить сертификат.
certification-reason = Причина
certification-rejected_without_replacement = Проба отклонена, а замена ещё не отобрана.
certification-remarks = Примечания
certification-replace = Оформить замену
certification-replace_title = Замена сертификата
certification-replaced_gone = Сертификат, который заменяет этот проект, больше не действует (отозван или заменён). Отмените проект.
certification-replacement_exists = Замена этого сертификата уже составлена.
certification-replacement_reason = Что исправляется и почему
certification-result = Результат
certification-results = Результаты обеих лабораторий
certification-results_conform = Все результаты соответствуют: составьте сертификат, а не уведомление.
certification-results_fail = Результат не соответствует: можно составить только уведомление о несоответствии.
certification-revocation_reason = Причина отзыва
certification-revoke = Отозвать
certification-side_signed = Ваша сторона уже подписала этот проект: его подписывает подписант сертификата другой стороны.
certification-sign = Подписать
certification-sign_first_lead = Подписывая, вы выдаёте документ в этом виде. Подписант другой стороны подписывает его совместно.
certification-sign_second_lead = Ваша подпись завершает совместное подписание и выдаёт документ: он получает номер, срок действия и QR-код.
certification-signatures = Подписи
certification-signed_already = Вы уже подписали этот документ.
certification-standard = Стандарт
certification-testing_incomplete = Испытания пробы не завершены.
certification-transport_details = Транспортные средства
certification-transport_details_hint = Номера вагонов или автомобилей, как они пересекут границу.
certification-verify_link = Страница публичной проверки
certification-waiting_lead = Пока нельзя сертифицировать:
certificate-drafted = Составлен проект
certificate-signed = Подписан
certificate-issued = Выдан
certificate-replaced = Заменён
certificate-revoked = Отозван
certificate-discarded = Проект отменён
certification-open_draft = Открыть форму проекта
certification-tile_drafts = { $count ->
    [one] проект ждёт подписи вашей стороны
    [few] проекта ждут подписи вашей стороны
    [many] проектов ждут подписи вашей стороны
   *[other] проекта ждут подписи вашей стороны
}
certification-tile_ready = { $count ->
    [one] партия груза готова к сертификации
    [few] партии груза готовы к сертификации
    [many] партий груза готовы к сертификации
   *[other] партии груза готовы к сертификации
}
certification-tile_failed = { $count ->
    [one] партии груза нужно уведомление о несоответствии
    [few] партиям груза нужно уведомление о несоответствии
    [many] партиям груза нужно уведомление о несоответствии
   *[other] партиям груза нужно уведомление о несоответствии
}
