## JSON API: ошибки (problem details), личные токены на странице учётной записи и страница
## документации.

error-unauthorized-title = Вход не выполнен
error-unauthorized-text = Нужен действующий API-токен в заголовке Authorization (Bearer). Токен неизвестен или отозван.
error-rate_limited-title = Слишком много запросов
error-rate_limited-text = С этим токеном сделано слишком много запросов в текущем окне. Дождитесь конца окна (см. Retry-After) и повторите.
error-conflict-title = Запись изменилась
error-conflict-text = Запись изменилась после того, как вы её прочитали, или параллельный запрос сделал то же раньше. Прочитайте её заново, прежде чем решать.
error-unprocessable-title = Отказано
error-unprocessable-text = Запрос понятен, но правило его не допускает.

api-read_only_token = Этот токен только для чтения. Чтобы что-то изменить, создайте на странице учётной записи токен для чтения и записи.
api-password_change_required = Владелец токена должен сначала выбрать новый пароль на странице учётной записи.
api-invalid_fields = Некоторые поля заполнены неверно; см. errors.
api-token_name_required = Дайте токену название, чтобы потом его узнать.
api-token_name_too_long = Название токена — не более 80 символов.

api-tokens-title = API-токены
api-tokens-lead = Личный токен позволяет программе (вашей ERP, системе брокера) работать с API от вашего имени, с вашей ролью и вашим доступом. Отзовите токен, которым больше не пользуетесь.
api-tokens-copy_now = скопируйте этот токен сейчас. Он показывается только один раз и больше не может быть прочитан.
api-tokens-secret = Токен
api-tokens-name = Название
api-tokens-scope = Доступ
api-token_scope-read = Только чтение
api-token_scope-write = Чтение и запись
api-tokens-created = Создан
api-tokens-last_used = Последнее использование
api-tokens-state = Состояние
api-tokens-revoked = Отозван
api-tokens-revoke = Отозвать
api-tokens-create = Создать токен
api-tokens-created_notice = Токен создан.
api-tokens-revoked_notice = Токен отозван и больше не действует.

api-docs-title = Документация API
api-docs-lead = JSON API даёт программам партии, пробы, сертификаты и пограничные проверки, которые владелец токена видит на страницах, и позволяет экспортёрам подавать заявки, а инспекторам — записывать пограничные проверки.
api-docs-tokens = Аутентификация: передавайте личный токен как «Authorization: Bearer jl_…». Создайте его на странице учётной записи:
api-docs-errors = Ошибки — в формате RFC 9457 (application/problem+json); запись вне вашего доступа отвечает 404, как несуществующая.
api-docs-pages = Списки разбиты на страницы: передайте значение «next» страницы как «cursor», чтобы получить следующую.
api-docs-limits = Число запросов с одного токена в минуту ограничено; заголовки RateLimit и RateLimit-Policy показывают, сколько осталось.
api-docs-document = Машиночитаемое описание
api-docs-operations = Операции
api-docs-method = Метод
api-docs-path = Путь
api-docs-summary = Что делает
api-docs-access = Доступ
api-docs-public = Открыто
api-docs-read_token = Любой токен
api-docs-write_token = Токен для чтения и записи

api-op-list_consignments = Список доступных вам партий, с фильтрами
api-op-show_consignment = Одна партия
api-op-list_samples = Список доступных вам проб, с фильтрами
api-op-show_sample = Одна проба и доступные вам результаты
api-op-file_application = Подать заявку на испытания
api-op-show_application = Одна заявка на испытания
api-op-list_certificates = Список сертификатов и уведомлений
api-op-show_certificate = Сертификат и его текущий статус
api-op-list_border_checks = Пограничные проверки сертификата
api-op-record_border_check = Записать пограничную проверку на вашем посту
api-op-verify_token = Проверить QR-токен сертификата (без API-токена)
api-op-openapi_document = Документ OpenAPI 3.1 этого API
api-op-api_docs = Эта страница
