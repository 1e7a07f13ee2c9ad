### Русский каталог. Каждый ключ из en.ftl должен быть и здесь (проверяется тестом).
### Используйте термины из ../shared/GLOSSARY.md.

## app
app-name = jointlab

## layout
layout-skip = Перейти к содержимому
layout-language = Язык
layout-main_nav = Главное меню
layout-sign_out = Выйти
layout-footer = Совместная казахстанско-китайская фитосанитарная и ветеринарная лаборатория · Хоргос · Достык

## nav
nav-home = Главная
nav-users = Пользователи
nav-catalog = Справочники
nav-audit = Журнал аудита
nav-applications = Заявки
nav-consignments = Партии груза
nav-samples = Пробы
nav-exporters = Экспортёры
nav-bench = Рабочее место
nav-review = Проверка

## role
role-admin = Администратор
role-registrar = Регистратор
role-analyst = Аналитик
role-reviewer = Проверяющий
role-certifier = Подписант сертификата
role-exporter = Экспортёр
role-inspector = Инспектор
role-auditor = Аудитор

## side
side-kz = Казахстанская сторона
side-cn = Китайская сторона

## tz
tz-almaty = Время Казахстана (UTC+5)
tz-beijing = Время Китая (UTC+8)

## error
error-home = Перейти на главную страницу

## error.bad_request
error-bad_request-title = Не удалось прочитать запрос
error-bad_request-text = Запрос содержит ошибку. Вернитесь назад, проверьте форму и повторите попытку.

## error.forbidden
error-forbidden-title = Недоступно для вашей роли
error-forbidden-text = Эта страница предназначена для другой роли. Если она нужна вам для работы, обратитесь к администратору.

## error.csrf
error-csrf-title = Срок действия формы истёк
error-csrf-text = Форма отправлена без действительного токена безопасности — возможно, она была открыта слишком долго или вы вошли в систему в другом месте. Обновите страницу и отправьте форму снова.

## error.not_found
error-not_found-title = Не найдено
error-not_found-text = Такой страницы или записи нет либо у вас нет доступа к ней.

## error.payload_too_large
error-payload_too_large-title = Слишком много данных
error-payload_too_large-text = Форма передала больше данных, чем принимает сервер. Сократите введённый текст и отправьте форму снова.

## error.request_timeout
error-request_timeout-title = Запрос выполнялся слишком долго
error-request_timeout-text = Форма не поступила вовремя — возможно, соединение медленное или прервалось. Отправьте её снова.

## error.too_many_connections
error-too_many_connections-title = Слишком много соединений
error-too_many_connections-text = С вашего адреса одновременно открыто слишком много соединений с сервером. Закройте часть вкладок или подождите немного и обновите страницу.

## error.internal
error-busy-title = Система занята
error-busy-text = Сейчас заняты все соединения с базой данных. Отправленное вами не потеряно: повторите попытку через несколько секунд.
error-internal-title = Сбой на нашей стороне
error-internal-text = Ошибка записана в журнал. Повторите попытку через минуту; если ошибка не исчезнет, сообщите администратору.

## login
login-title = Вход
login-lead = Лабораторная информационная система совместной лаборатории. Войдите, указав адрес электронной почты и пароль, выданные администратором.
login-submit = Войти
login-invalid = Неверный адрес электронной почты или пароль, либо было слишком много неудачных попыток: подождите немного и попробуйте снова.
login-signed_out = Вы вышли из системы.

## field
field-email = Электронная почта
field-password = Пароль
field-display_name = Имя
field-role = Роль
field-side = Сторона
field-exporter = Компания-экспортёр
field-border_post = Пункт пропуска
field-language = Язык
field-time_zone = Часовой пояс
field-bin = БИН
field-required = Обязательное поле.
field-email_invalid = Введите адрес электронной почты, например name@example.kz.
field-bin_format = БИН состоит ровно из 12 цифр.
field-bin_checksum = Неверная контрольная цифра БИН: проверьте номер.
field-too_long = Слишком длинное значение.
field-invalid = Значение содержит недопустимые символы.
field-unsafe_characters = Значение содержит управляющие символы или невидимые знаки направления текста: введите его без них.
field-drawn_at_range = Проба отбирается не ранее чем за два года и не в будущем.
field-planned_date_range = Планируемая дата пересечения границы — не дальше одного года от сегодняшней даты.
field-password_short = Пароль должен содержать не менее 12 символов.
field-password_weak = Пароль должен содержать не менее 4 различных символов.
field-password_mismatch = Пароли не совпадают.
field-password_common = Этот пароль входит в число самых распространённых или утёкших паролей. Выберите другой, например фразу из нескольких слов.
field-password_personal = Пароль не должен содержать имя из адреса e-mail или ваше имя.
field-password_reused = Новый пароль должен отличаться от текущего.
field-side_required = Сотрудники лаборатории относятся к казахстанской или китайской стороне: выберите сторону.
field-side_not_allowed = Сторона указывается только для сотрудников лаборатории: для этой роли оставьте поле пустым.
field-exporter_required = Пользователь-экспортёр относится к компании-экспортёру: выберите компанию.
field-exporter_not_allowed = К компании относятся только пользователи-экспортёры: для этой роли оставьте поле пустым.
field-post_required = Инспектор закрепляется за пунктом пропуска: выберите пункт.
field-post_not_allowed = За пунктом пропуска закрепляются только инспекторы: для этой роли оставьте поле пустым.
field-choose = Выберите один из вариантов.
field-email_taken = Этот адрес электронной почты уже используется в другой учётной записи.
field-date_invalid = Введите дату в формате YYYY-MM-DD.
field-datetime_invalid = Введите дату и время, например 2026-11-24T09:30.
field-hs_code = Код ТН ВЭД состоит из 6–10 цифр.
field-number = Введите число, например 12,5 (цифры и один десятичный разделитель).
field-number_range = Число вне допустимого диапазона (не более 12 цифр до запятой и 9 после).
field-positive = Введите число больше нуля.

## form
form-save = Сохранить
form-any = Все
form-filter = Применить
form-next_page = Следующая страница
form-choose = Выберите…
form-none = Не выбрано
form-has_errors = Некоторые поля нужно исправить: см. сообщения ниже.
form-stale = После того как вы открыли форму, эту запись изменил другой пользователь. Введённые вами данные сохранены ниже: сверьте их с текущей версией записи и сохраните снова.
form-yes = Да
form-no = Нет

## home
home-title = Главная
home-greeting = Добро пожаловать, { $name }
home-accounts = Учётные записи
home-active_accounts = Активные учётные записи
home-recent_events = Последние события

## home.duties
home-duties-admin = Вы управляете пользователями, справочниками и пунктами пропуска. Вы не вводите результаты и не подписываете сертификаты.
home-duties-registrar = Вы регистрируете партии груза и пробы, пломбируете и делите пробы, печатаете этикетки, оформляете передачу проб и их приём вашей стороной.
home-duties-analyst = Вы вводите результаты испытаний, выполненных в лаборатории вашей стороны.
home-duties-reviewer = Вы подтверждаете или отклоняете результаты вашей стороны (кроме введённых вами самими), назначаете повторные испытания и разрешаете расхождения результатов.
home-duties-certifier = Вы составляете, совместно подписываете, заменяете и отзываете сертификаты вашей стороны.
home-duties-exporter = Вы подаёте заявки на испытания, отслеживаете каждую партию груза вашей компании и скачиваете сертификаты на неё.
home-duties-inspector = Вы сканируете QR-код сертификата на своём пункте пропуска, проверяете его подлинность и действительность и фиксируете решение на границе.
home-duties-auditor = Вы просматриваете всё, что доступно вашей стороне, включая журнал аудита. Вы ничего не изменяете.

## account
account-title = Моя учётная запись
account-preferences = Язык и часовой пояс
account-change_password = Сменить пароль
account-current_password = Текущий пароль
account-new_password = Новый пароль
account-confirm_password = Повторите новый пароль
account-password_hint = Не менее 12 символов. Фразу из нескольких слов легко запомнить и трудно подобрать.
account-current_wrong = Текущий пароль указан неверно.
account-password_changed = Пароль изменён. Остальные ваши сеансы завершены.
account-preferences_saved = Настройки сохранены.
account-must_change = Вы вошли с одноразовым паролем. Чтобы продолжить, задайте собственный пароль.

## users
users-title = Пользователи
users-new = Новый пользователь
users-edit = Редактирование пользователя
users-search = Имя или эл. почта
users-none = Нет пользователей, соответствующих фильтрам.
users-status = Статус
users-active = Активен
users-inactive = Деактивирован
users-locked = Заблокирован
users-side_hint = Регистраторы, аналитики, проверяющие, подписанты сертификатов и аудиторы относятся к одной из сторон.
users-exporter_hint = Только для пользователей-экспортёров: БИН компании, 12 цифр.
users-post_hint = Только для инспекторов.
users-create = Создать пользователя
users-open_sessions = Открытые сеансы
users-created_at = Создан
users-must_change = Нужно задать пароль при следующем входе
users-deactivate = Деактивировать
users-activate = Активировать снова
users-reset_password = Сбросить пароль
users-reset_hint = При сбросе выдаётся новый одноразовый пароль, снимается блокировка и завершаются все сеансы пользователя.
users-throttles = Неудачные попытки входа
users-no_throttles = Неудачные попытки входа не учитываются.
users-throttle_address = Адрес клиента
users-throttle_failures = Неудач
users-throttled_until = Задержка до
users-throttle_all_addresses = все адреса
users-clear_throttles = Сбросить
users-throttles_hint = Неудачи забываются через час после первой; после нескольких каждая проверка ждёт дольше. Сброс снимает все задержки для этой учётной записи.
users-throttles_cleared = Неудачные попытки входа сброшены.
users-one_time_title = Одноразовый пароль
users-created = Пользователь создан
users-password_reset_done = Пароль сброшен
users-one_time_password = Одноразовый пароль
users-one_time_hint = Этот пароль показывается только один раз. Передайте его пользователю лично или по телефону; при первом входе он должен задать собственный пароль.
users-back_to_user = Вернуться к пользователю
users-saved = Пользователь сохранён.
users-deactivated_notice = Пользователь деактивирован, все его сеансы завершены.
users-activated_notice = Пользователь снова активен.
users-cannot_deactivate_self = Нельзя деактивировать собственную учётную запись.
users-cannot_demote_self = Нельзя снять роль администратора с собственной учётной записи.

## exporters
exporters-title = Компании-экспортёры
exporters-new = Новая компания
exporters-create = Зарегистрировать компанию
exporters-search = Название или БИН
exporters-none = Нет подходящих компаний.
exporters-name = Название компании
exporters-address = Адрес
exporters-contact_email = Контактный адрес эл. почты
exporters-bin_hint = 12 цифр; последняя — контрольная.
exporters-bin_taken = Компания с таким БИН уже зарегистрирована.
exporters-saved = Компания сохранена.
exporters-users = Пользователи-экспортёры
exporters-no_users = У этой компании пока нет пользователей.
exporters-users_hint = Администратор привязывает пользователей-экспортёров к компании на странице пользователя.

## intake
intake-search = Код, пломба, БИН или компания
intake-status = Статус
intake-commodity = Товар
intake-exporter = Экспортёр
intake-sort = Порядок
intake-newest = Сначала новые
intake-oldest = Сначала старые
intake-none = Нет записей, соответствующих фильтрам.
intake-code = Код
intake-submitted_at = Дата подачи
intake-created_at = Дата регистрации
intake-quantity = Количество
intake-unit = Единица измерения
intake-lots = Лоты, вагоны или автомашины
intake-lots_hint = Номера лотов, вагонов или автомашин через запятую.
intake-origin = Происхождение
intake-region = Область
intake-district = Район
intake-producer = Производитель
intake-consignee = Грузополучатель в Китае
intake-transport = Вид транспорта
intake-planned_date = Планируемая дата пересечения границы
intake-destination = Страна назначения
intake-hs = ТН ВЭД
intake-history = История изменений

## applications
applications-already_decided = По этой заявке уже принято решение.
applications-title = Заявки на испытания
applications-one = Заявка
applications-new = Новая заявка на испытания
applications-lead = Опишите партию груза, которую нужно испытать. Совместная лаборатория примет заявку или вернёт её с указанием причины.
applications-exporter_bin = БИН экспортёра
applications-exporter_bin_hint = БИН компании, 12 цифр; когда компания найдена, здесь появится её название.
field-no_company_with_bin = Компания с таким БИН не зарегистрирована.
applications-submit = Подать заявку
applications-decide = Решение
applications-accept = Принять и создать партию груза
applications-accept_hint = Будет создана партия груза; пробы затем регистрируются на её странице.
applications-return = Вернуть экспортёру
applications-reason = Причина возврата (её увидит экспортёр)
applications-returned_because = Возвращена:
applications-decided_at = Дата решения

## applications.status
applications-status-submitted = Подана
applications-status-accepted = Принята
applications-status-returned = Возвращена

## consignments
consignments-title = Партии груза
consignments-one = Партия груза

## consignments.status
consignments-status-registered = Зарегистрирована
consignments-status-sampled = Пробы отобраны
consignments-status-in_testing = На испытаниях
consignments-status-tested = Испытания завершены
consignments-status-closed = Закрыта

## samples
samples-already_replaced = Замещающая проба для этой пробы уже зарегистрирована.
samples-replacement_other_consignment = Замещающая проба должна быть из той же партии.
samples-rejected_note = Часть этой пробы отклонена как непригодная: по пробе нельзя выдать сертификат, незавершённые испытания другой стороны отозваны.
samples-replaced_by = Заменена пробой
samples-replaces = Заменяет
samples-draw_replacement = Отобрать замещающую пробу
samples-replacement_lead = Часть этой пробы отклонена как непригодная, поэтому по ней нельзя выдать сертификат. Отберите замещающую пробу из той же партии; она будет связана с этой.
samples-replacement_title = Замещающая проба
samples-title = Пробы
samples-one = Проба
samples-register = Зарегистрировать пробу
samples-register_lead = Пробе присваивается следующий код текущего года, и она делится на казахстанскую часть, китайскую часть и контрольную пробу.
samples-none_yet = Пробы ещё не зарегистрированы.
samples-seal = Номер пломбы
samples-mass = Масса
samples-storage = Условия хранения
samples-drawn_at = Время отбора
samples-drawn_by = Кто отобрал
samples-split_hint = Каждая часть пробы пломбируется при приёме и получает собственную этикетку.
samples-portions = Части пробы
samples-drawn_in_future = Время отбора не может быть в будущем.

## samples.status
samples-status-registered = Зарегистрирована
samples-status-received = Принята
samples-status-in_testing = На испытаниях
samples-status-tested = Испытания завершены
samples-status-closed = Закрыта
samples-status-rejected = Отклонена
samples-status-cancelled = Аннулирована

## unit
unit-t = т
unit-kg = кг
unit-g = г
unit-head = гол.
unit-pcs = шт.

## transport
transport-rail = Железнодорожный
transport-road = Автомобильный

## storage
storage-ambient = Комнатная температура
storage-chilled = Охлаждение (0…+4 °C)
storage-frozen = Заморозка (−18 °C)

## portion
portion-kz = Казахстанская часть пробы
portion-cn = Китайская часть пробы
portion-counter = Контрольная проба

## portion_status
portion_status-sealed = Опломбирована
portion_status-handed_over = Передана
portion_status-received = Принята
portion_status-rejected = Отклонена
portion_status-disposed = Утилизирована

## custody
custody-confirm_cancel = Аннулировать эту пробу? Причина: { $reason }
custody-confirm_dispose = Утилизировать: { $portion }? Причина: { $reason }
custody-already_replaced = Замещающая проба уже отобрана.
custody-not_rejected = Замена отбирается только для пробы, часть которой отклонена как непригодная.
custody-cancel_after_receipt = Лаборатория уже получила свою часть пробы: аннулировать пробу нельзя.
custody-portion_under_test = По этой части пробы ещё идут испытания: утилизировать её пока нельзя.
custody-counter_kept_for_arbitration = Контрольная проба сохраняется, пока расхождение ожидает арбитража.
custody-held_by_other_side = Эта часть пробы находится в лаборатории другой стороны: распоряжаться ею может только её регистратор.
custody-already_disposed = Эта часть пробы уже утилизирована.
custody-already_received = Эта часть пробы уже получена.
custody-not_your_portion = Ваша сторона регистрирует получение только своей части пробы.
custody-not_at_reception = Передать можно только часть пробы, которая ещё опломбирована в приёмной.
custody-sample_closed = Проба аннулирована, отклонена или закрыта: дальнейшие действия по хранению невозможны.
custody-title = Передача и хранение проб
custody-record = Записать операцию с пробой
custody-hand_over = Передать
custody-receive = Приём
custody-record_receipt = Зарегистрировать приём
custody-dispose = Утилизировать
custody-cancel = Аннулировать пробу
custody-portion = Часть пробы
custody-holder = Местонахождение
custody-seal_intact = Пломба не нарушена
custody-temperature = Температура при приёме, °C
custody-decision = Решение
custody-accept = Принять на испытания
custody-reject = Отклонить как непригодную
custody-reason = Причина
custody-reason_required = Укажите причину отклонения части пробы.
custody-not_possible = В текущем состоянии части пробы этот шаг невозможен.
custody-from = откуда:
custody-to = куда:

## custody.party
custody-party-reception = Приём проб совместной лаборатории
custody-party-kz = Казахстанская лаборатория
custody-party-cn = Китайская лаборатория
custody-party-counter_store = Хранилище контрольных проб

## custody.kind
custody-kind-drawn = Отобрана
custody-kind-sealed = Опломбирована
custody-kind-handed_over = Передана
custody-kind-received = Принята
custody-kind-accepted = Допущена к испытаниям
custody-kind-rejected = Отклонена
custody-kind-disposed = Утилизирована
custody-kind-cancelled = Аннулирована

## labels

## time
time-days = д
time-hours = ч
time-minutes = мин

## bench
bench-withdrawn = Отозванные испытания
bench-sample_closed = Проба аннулирована, отклонена или закрыта: результаты по ней не принимаются.
bench-title = Рабочее место
bench-lead = Испытания, ожидающие результатов вашей стороны, по методам; дольше всех ожидающие — первыми.
bench-empty = Нет испытаний, ожидающих результатов.
bench-enter_results = Ввести результаты
bench-waiting = Ожидает
bench-result = Результат
bench-qualitative_hint = Для каждой пробы введите not_detected или detected. Оставьте строку пустой, чтобы испытание осталось на рабочем месте.
bench-quantitative_hint = Введите каждое значение в { $unit }, либо < LOQ, либо nd (не обнаружено). Оставьте строку пустой, чтобы испытание осталось на рабочем месте.
bench-save_all = Сохранить результаты
bench-returned = Возвращено проверяющим
bench-nothing_entered = Ни один результат не введён: укажите хотя бы одно значение.
bench-conflict = Часть этих результатов уже сохранил другой пользователь. Ничего не сохранено; на странице показано текущее состояние рабочего места вместе с тем, что вы ввели.
bench-not_pending = Это испытание больше не ожидает результата.

## review
review-title = Проверка
review-lead = Результаты, введённые аналитиками вашей стороны. Подтвердите или отклоните их — можно сразу несколько. Собственные результаты подтверждать нельзя.
review-empty = Нет результатов, ожидающих проверки.
review-select = Выбрать
review-limit = Допустимый уровень
review-conformity = Соответствие
review-entered_by = Кто ввёл
review-own_entry_short = введено вами
review-reason = Причина отклонения (обязательна при отклонении)
review-verify = Подтвердить выбранные
review-reject = Отклонить выбранные
review-done = Готово.
review-none_selected = Выберите хотя бы один результат.
review-own_entry = Один из этих результатов вы ввели сами: его должен подтвердить другой проверяющий. Ничего не изменено.
review-not_entered = Один из этих результатов больше не ожидает проверки. Ничего не изменено.
review-select_all = Выбрать все

## reading
reading-value = значение
reading-below_loq = ниже предела количественного определения
reading-not_detected = не обнаружено
reading-detected = обнаружено

## rule
rule-not_detected = не обнаружено

## conformity
conformity-conforms = соответствует
conformity-does_not_conform = не соответствует
conformity-inconclusive = не установлено

## tests
tests-withdrawn = Отозвано
tests-confirm_invalidate = Аннулировать этот подтверждённый результат? На рабочее место будет поставлено повторное испытание. Причина: { $reason }
tests-portion_not_received = Ваша лаборатория не получила свою часть этой пробы.
tests-title = Испытания
tests-none = Доступных испытаний пока нет.
tests-method = Метод испытаний
tests-manage = Управление испытаниями
tests-manage_lead = Испытания этой пробы на вашей стороне. Удалите ожидающее испытание или признайте подтверждённый результат недействительным (повторное испытание встанет в очередь) — всегда с указанием причины.
tests-note = Примечание
tests-change = Изменение
tests-retest = повтор
tests-remove = Удалить
tests-invalidate = Признать недействительным
tests-add = Добавить испытание
tests-already_running = Ваша сторона уже проводит это испытание для этой пробы.
tests-not_removable = Удалить можно только испытание, ожидающее результата.
tests-not_verified = Признать недействительным можно только подтверждённый результат.

## tests.status
tests-status-pending = Ожидает результата
tests-status-entered = Введён, не подтверждён
tests-status-verified = Подтверждён
tests-status-invalidated = Признан недействительным
tests-status-removed = Удалён

## dashboard
dashboard-title = Ваша сторона сегодня
dashboard-to_receive =
    { $count ->
        [one] часть пробы ожидает приёмки
        [few] части проб ожидают приёмки
        [many] частей проб ожидают приёмки
       *[other] части пробы ожидают приёмки
    }
dashboard-on_bench =
    { $count ->
        [one] испытание на рабочем месте
        [few] испытания на рабочем месте
        [many] испытаний на рабочем месте
       *[other] испытания на рабочем месте
    }
dashboard-to_review =
    { $count ->
        [one] результат на проверке
        [few] результата на проверке
        [many] результатов на проверке
       *[other] результата на проверке
    }
dashboard-discrepancies =
    { $count ->
        [one] открытое расхождение результатов
        [few] открытых расхождения результатов
        [many] открытых расхождений результатов
       *[other] открытого расхождения результатов
    }
dashboard-oldest = наибольшее ожидание на рабочем месте

## discrepancy
discrepancy-closed_by_retest = Закрыто: повторное испытание совпало
discrepancy-reopened = Открыто снова: повторное испытание снова расходится
discrepancy-contradicted = Решения сторон указывают разные итоги: расхождение остаётся открытым, пока стороны не согласуют итог. Любая сторона может изменить своё решение.
discrepancy-closed = Это расхождение закрыто.
discrepancy-title = Расхождения результатов между лабораториями
discrepancy-lead = Обе стороны подтвердили результаты одного метода испытаний: один результат соответствует, другой не соответствует. Партию груза нельзя сертифицировать, пока проверяющие обеих сторон не укажут один итог (арбитражное испытание контрольной пробы или результат одной из сторон) или повторное испытание не приведёт обе стороны к одному результату.
discrepancy-flagged = Выявлено
discrepancy-resolved = Урегулировано
discrepancy-resolution = Решение
discrepancy-reason = Обоснование
discrepancy-awaiting = Ещё не зафиксировано
discrepancy-record = Зафиксировать решение вашей стороны
discrepancy-record_hint = Ваша сторона фиксирует решение один раз; расхождение закрывается, когда обе стороны указали один итог. Пока решения сторон противоречат друг другу, каждая сторона может изменить своё.
discrepancy-outcome_label = Решение
discrepancy-reason_label = Обоснование (обязательно)
discrepancy-submit = Зафиксировать решение
discrepancy-already_recorded = Ваша сторона уже зафиксировала решение, другая сторона ещё не ответила. Ничего не изменено.
discrepancy-resolution_recorded = Решение вашей стороны зафиксировано; ожидается решение другой стороны.

## discrepancy.status
discrepancy-status-open = Открыто
discrepancy-status-resolved = Урегулировано

## discrepancy.outcome
discrepancy-outcome-arbitration_conforms = Арбитражное испытание контрольной пробы: соответствует
discrepancy-outcome-arbitration_does_not_conform = Арбитражное испытание контрольной пробы: не соответствует
discrepancy-outcome-accept_kz = Принять результат казахстанской стороны
discrepancy-outcome-accept_cn = Принять результат китайской стороны

## discrepancy.agreed
discrepancy-agreed-does_not_conform = Согласованный итог: не соответствует.
discrepancy-agreed-conforms = Согласованный итог: соответствует.

## discrepancy.closed_by
discrepancy-closed_by-retest = повторное испытание привело обе стороны к одному результату
discrepancy-closed_by-reviewers = проверяющие обеих сторон указали один итог

## audit
audit-title = Журнал аудита
audit-lead = Все изменения, сначала новые. Каждое событие связано с предыдущим через хеш; команда `jointlab verify-audit` проверяет всю цепочку.
audit-action = Действие
audit-entity = Тип записи
audit-actor = Кто
audit-from = С
audit-to = По
audit-none = Нет событий, соответствующих фильтрам.
audit-at = Когда
audit-change = Изменение
audit-before = до
audit-after = после
audit-hidden = Значения скрыты: неподтверждённые данные другой стороны.

## catalog
catalog-title = Справочники
catalog-lead = Что испытывает лаборатория и по каким нормам: товары, методы испытаний, допустимые уровни каждой страны назначения и испытания, которые каждая сторона проводит по умолчанию. Записи с пометкой «демо» взяты из демонстрационного справочника: сверьте их с действующими стандартами, прежде чем полагаться на них.
catalog-part = Справочник
catalog-entries = Записей
catalog-what = Содержание
catalog-demo = демо
catalog-active = Действует
catalog-inactive = Не действует
catalog-status = Статус
catalog-actions = Действия
catalog-remove = Удалить

## catalog.commodities
catalog-commodities-title = Товары
catalog-commodities-lead = Товары, которые сертифицирует лаборатория, с кодом ТН ВЭД; вид товара определяет сертификат (фитосанитарный или ветеринарный).
catalog-commodities-new = Новый товар
catalog-commodities-edit = Изменение товара
catalog-commodities-create = Добавить товар
catalog-commodities-none = В справочнике пока нет товаров.

## catalog.methods
catalog-methods-title = Методы испытаний
catalog-methods-lead = Как проводится каждое испытание: вид результата, единица измерения, пределы обнаружения и количественного определения, стандарт метода каждой стороны.
catalog-methods-new = Новый метод испытаний
catalog-methods-edit = Изменение метода испытаний
catalog-methods-create = Добавить метод испытаний
catalog-methods-none = В справочнике пока нет методов испытаний.

## catalog.limit_sets
catalog-limit_sets-title = Наборы допустимых уровней
catalog-limit_sets-lead = Допустимые уровни каждой страны назначения: результаты оцениваются по набору страны назначения партии груза.
catalog-limit_sets-limits = Допустимые уровни
catalog-limit_sets-limits_lead = Максимальные или минимальные допустимые уровни либо «не обнаружено» — по товару и испытанию.
catalog-limit_sets-none = Наборов допустимых уровней пока нет.
catalog-limit_sets-no_limits = В этом наборе пока нет допустимых уровней.
catalog-limit_sets-add = Добавить допустимый уровень
catalog-limit_sets-new = Новый набор допустимых уровней
catalog-limit_sets-create = Добавить набор
catalog-limit_sets-code_hint = От 2 до 8 заглавных латинских букв, например CN или EAEU.
catalog-limit_sets-code_format = Используйте от 2 до 8 заглавных латинских букв.
catalog-limit_sets-code_taken = Набор с таким кодом уже существует.

## catalog.panels
catalog-panels-title = Перечни испытаний по умолчанию
catalog-panels-lead = Испытания, которые каждая сторона по умолчанию проводит для пробы этого товара.
catalog-panels-open = Открыть перечни испытаний
catalog-panels-none = Эта сторона не проводит испытаний по умолчанию.
catalog-panels-add = Добавить испытание в перечень

## catalog.notice
catalog-notice-created = Запись добавлена.
catalog-notice-updated = Изменения сохранены.
catalog-notice-added = Запись добавлена.
catalog-notice-removed = Запись удалена.

## catalog.field
catalog-field-names = Наименование на четырёх языках
catalog-field-name = Наименование
catalog-field-name_en = Наименование на английском
catalog-field-name_ru = Наименование на русском
catalog-field-name_kk = Наименование на казахском
catalog-field-name_zh = Наименование на китайском
catalog-field-hs_code = Код ТН ВЭД
catalog-field-kind = Вид
catalog-field-active = Действует (можно выбрать в новых записях)
catalog-field-code = Код
catalog-field-discipline = Направление
catalog-field-result_kind = Вид результата
catalog-field-unit = Единица измерения
catalog-field-lod = Предел обнаружения (ПО)
catalog-field-loq = Предел количественного определения (ПКО)
catalog-field-lod_loq = ПО / ПКО
catalog-field-standard_kz = Стандарт метода, казахстанская сторона
catalog-field-standard_cn = Стандарт метода, китайская сторона
catalog-field-standards = Стандарты методов
catalog-field-standard = Стандарт метода
catalog-field-commodity = Товар
catalog-field-test_method = Метод испытаний
catalog-field-rule = Норма
catalog-field-value = Значение допустимого уровня
catalog-field-reference = Источник (стандарт, пункт)

## catalog.hint
catalog-hint-hs_code = От 6 до 10 цифр, например 100199 для пшеницы; пробелы и точки не учитываются.
catalog-hint-kind = На продукцию растительного происхождения выдаётся фитосанитарный сертификат, животного — ветеринарный.
catalog-hint-active = Снимите отметку, чтобы вывести запись из употребления: она останется в справочнике и в существующих записях, но её нельзя будет выбрать.
catalog-hint-code = Короткий и уникальный: латинские буквы, цифры, «.», «-» или «_», например AFB1.
catalog-hint-result_kind = Количественный: значение с единицей измерения. Качественный: обнаружено или не обнаружено.
catalog-hint-unit = Обязательна для количественного метода (например, мг/кг, мкг/кг, Бк/кг); для качественного оставьте пустой.
catalog-hint-lod = Необязательно, в единицах метода; предел количественного определения не может быть ниже.
catalog-hint-standard_kz = СТ РК или ГОСТ, например ГОСТ 30711-2001.
catalog-hint-standard_cn = GB или GB/T, например GB 5009.22-2016.
catalog-hint-value = В единицах метода; обязательно для максимума или минимума, пусто для «не обнаружено».
catalog-hint-reference = Необязательно: стандарт и пункт, из которых взят допустимый уровень.

## catalog.kind
catalog-kind-plant = Продукция растительного происхождения
catalog-kind-animal = Продукция животного происхождения

## catalog.discipline
catalog-discipline-quarantine_pest = Карантинный вредный организм
catalog-discipline-mycotoxin = Микотоксины
catalog-discipline-heavy_metal = Тяжёлые металлы
catalog-discipline-pesticide_residue = Остатки пестицидов
catalog-discipline-microbiology = Микробиология
catalog-discipline-veterinary_drug_residue = Остатки ветеринарных препаратов
catalog-discipline-radionuclide = Радионуклиды
catalog-discipline-veterinary_disease = Болезни животных

## catalog.result_kind
catalog-result_kind-quantitative = Количественный
catalog-result_kind-qualitative = Качественный

## catalog.rule
catalog-rule-max = Не более
catalog-rule-min = Не менее
catalog-rule-not_detected = Не обнаружено

## catalog.error
catalog-error-code_format = Код состоит только из латинских букв, цифр, «.», «-» и «_».
catalog-error-code_taken = Этот код уже занят другим методом испытаний.
catalog-error-unit_required = Для количественного метода нужна единица измерения.
catalog-error-unit_not_allowed = У качественного метода нет единицы измерения: оставьте поле пустым.
catalog-error-qualitative_no_lod = У качественного метода нет пределов обнаружения и количественного определения в единицах: оставьте поле пустым.
catalog-error-loq_below_lod = Предел количественного определения не может быть ниже предела обнаружения.
catalog-error-rule_needs_quantitative = Максимум или минимум возможен только для количественного метода: выберите «не обнаружено».
catalog-error-value_required = Для максимума или минимума нужно значение.
catalog-error-value_not_allowed = У нормы «не обнаружено» нет значения: оставьте поле пустым.
catalog-error-limit_taken = В этом наборе уже есть допустимый уровень для этого товара и метода испытаний: чтобы заменить его, сначала удалите прежний.
catalog-error-panel_taken = Эта сторона уже проводит это испытание для этого товара по умолчанию.

## policy
policy-not_your_company = Подать заявку можно только от своей компании.
policy-other_side = Это относится к лаборатории другой стороны.
policy-not_your_role = Ваша роль не позволяет это сделать.

## confirm
confirm-back = Нет, вернуться
confirm-yes = Да, выполнить
confirm-cannot_undo = Это действие нельзя отменить.
confirm-title = Подтвердите действие
