## border: проверки инспекторов в пунктах пропуска
nav-post = Мой пункт
border-post_title = Пункт пропуска
border-verify_link = Проверить сертификат по номеру и коду
border-expected = Ожидаемые партии груза
border-expected_window = Плановое пересечение с { $from } по { $to }.
border-none_expected = В эти дни в этом пункте пропуска не ожидается ни одной партии груза.
border-no_certificate = Сертификат ещё не выдан
border-released_at = Выпущен: { $post }
border-checked_today = Проверено здесь сегодня
border-none_today = Сегодня в этом пункте пропуска ничего не проверялось.
border-list_cut = Показаны только первые 100.
border-tile_expected = { $count ->
    [one] партия груза ожидается в вашем пункте пропуска
    [few] партии груза ожидаются в вашем пункте пропуска
    [many] партий груза ожидаются в вашем пункте пропуска
   *[other] партии груза ожидаются в вашем пункте пропуска
}
border-tile_checked = { $count ->
    [one] проверка записана сегодня в вашем пункте пропуска
    [few] проверки записаны сегодня в вашем пункте пропуска
    [many] проверок записано сегодня в вашем пункте пропуска
   *[other] проверки записаны сегодня в вашем пункте пропуска
}
border-history = Проверки на границе
border-no_checks = По этому сертификату проверок на границе не записано.
border-recorded = Проверка на границе записана.
border-declared = Заявлено
border-observed = Фактически
border-confirmed = Подтверждённые предупреждения
border-check_title = Проверка на границе
border-check_link = Открыть сертификат и записать проверку на границе
border-verdict_lead = Вы вошли как инспектор: откройте сертификат с результатами лабораторий и запишите решение по вашему пункту пропуска.
border-your_post = Ваш пункт пропуска
border-declared_post = Заявленный пункт пропуска
border-declared_transport = Заявленный вид транспорта
border-warnings_lead = Прочтите, прежде чем решать:
border-only_hold_or_refuse = Этот сертификат нельзя выпустить: можно записать только задержание партии груза или отказ в пропуске.
border-outcome = Решение
border-outcome-released = Выпущен
border-outcome-held = Задержан
border-outcome-refused = Не допущен
border-observed_transport = Фактический вид транспорта
border-note = Примечание (обязательно при задержании или недопуске)
border-acknowledge = Я прочитал предупреждения выше
border-record = Записать проверку на границе
border-outcome_required = Выберите: выпущен, задержан или не допущен.
border-transport_required = Выберите фактический вид транспорта.
border-note_required = Напишите, почему партия груза задержана или не допущена.
border-acknowledge_required = Подтвердите, что прочитали предупреждения, прежде чем записать проверку.
border-already_released = Этот сертификат уже выпущен: выпуск по сертификату бывает только один раз. Запишите «задержан» или «не допущен».
border-not_releasable = Отозванный, заменённый или просроченный сертификат, как и уведомление о несоответствии, не даёт права на выпуск. Запишите «задержан» или «не допущен».
border-no_post = В вашей учётной записи не указан пункт пропуска: обратитесь к администратору.
border-stale = Пока эта страница была открыта, по сертификату записали другую проверку. Прочтите проверки и предупреждения ещё раз и запишите свою.
border-warning-released_elsewhere = Уже выпущен в пункте пропуска { $post } { $at }.
border-warning-released_here = Уже выпущен в вашем пункте пропуска ({ $post }) { $at }.
border-warning-revoked = ОТОЗВАН: сертификат был отозван до этой проверки.
border-warning-replaced = ЗАМЕНЁН: до этой проверки сертификат был заменён исправленным; запросите новый сертификат.
border-warning-expired = СРОК ДЕЙСТВИЯ ИСТЁК: сертификат больше не действителен.
border-warning-notice = Это уведомление о несоответствии, а не сертификат: партия груза не прошла испытания.
border-warning-other_post = Заявленный пункт пропуска: { $declared_post }, а не ваш.
border-warning-other_transport = Заявленный вид транспорта: { $declared_transport }, а не тот, что вы видите.
border-warning_short-released_elsewhere = уже выпущен в другом пункте пропуска
border-warning_short-released_here = уже выпущен в этом пункте пропуска
border-warning_short-revoked = отозван
border-warning_short-replaced = заменён
border-warning_short-expired = срок действия истёк
border-warning_short-notice = уведомление о несоответствии
border-warning_short-other_post = заявлен другой пункт пропуска
border-warning_short-other_transport = заявлен другой вид транспорта
border_check-recorded = Проверка на границе записана
