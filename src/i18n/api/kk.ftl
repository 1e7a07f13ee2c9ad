## JSON API: қателер (problem details), есептік жазба бетіндегі жеке токендер және құжаттама
## беті.

error-unauthorized-title = Кіру орындалмаған
error-unauthorized-text = Authorization тақырыбында (Bearer) жарамды API токені қажет. Токен белгісіз немесе кері қайтарылған.
error-rate_limited-title = Сұраулар тым көп
error-rate_limited-text = Бұл токенмен ағымдағы терезеде тым көп сұрау жасалды. Терезе аяқталғанын күтіңіз (Retry-After қараңыз) және қайталаңыз.
error-conflict-title = Жазба өзгерді
error-conflict-text = Жазба сіз оқығаннан кейін өзгерді немесе қатар сұрау дәл соны бұрын жасады. Шешім қабылдар алдында оны қайта оқыңыз.
error-unprocessable-title = Бас тартылды
error-unprocessable-text = Сұрау түсінікті, бірақ ереже оған жол бермейді.

api-read_only_token = Бұл токен тек оқуға арналған. Бір нәрсені өзгерту үшін есептік жазба бетінде оқу және жазу токенін жасаңыз.
api-password_change_required = Токен иесі алдымен есептік жазба бетінде жаңа құпиясөз таңдауы керек.
api-invalid_fields = Кейбір өрістер қате толтырылған; errors қараңыз.
api-token_name_required = Кейін тану үшін токенге атау беріңіз.
api-token_name_too_long = Токен атауы 80 таңбадан аспайды.

api-tokens-title = API токендері
api-tokens-lead = Жеке токен бағдарламаға (сіздің ERP жүйеңізге, брокер жүйесіне) API-мен сіздің атыңыздан, сіздің рөліңізбен және қолжетімділігіңізбен жұмыс істеуге мүмкіндік береді. Енді пайдаланбайтын токенді кері қайтарыңыз.
api-tokens-copy_now = бұл токенді қазір көшіріп алыңыз. Ол бір рет қана көрсетіледі және қайта оқылмайды.
api-tokens-secret = Токен
api-tokens-name = Атауы
api-tokens-scope = Қолжетімділік
api-token_scope-read = Тек оқу
api-token_scope-write = Оқу және жазу
api-tokens-created = Жасалған
api-tokens-last_used = Соңғы пайдаланылған
api-tokens-state = Күйі
api-tokens-revoked = Кері қайтарылған
api-tokens-revoke = Кері қайтару
api-tokens-create = Токен жасау
api-tokens-created_notice = Токен жасалды.
api-tokens-revoked_notice = Токен кері қайтарылды: ол енді жұмыс істемейді.

api-docs-title = API құжаттамасы
api-docs-lead = JSON API бағдарламаларға токен иесі беттерде көретін партияларды, сынамаларды, сертификаттарды және шекаралық тексерулерді береді, экспорттаушыларға өтінім беруге, инспекторларға шекаралық тексеруді жазуға мүмкіндік береді.
api-docs-tokens = Аутентификация: жеке токенді «Authorization: Bearer jl_…» түрінде жіберіңіз. Оны есептік жазба бетінде жасаңыз:
api-docs-errors = Қателер RFC 9457 пішімінде (application/problem+json); қолжетімділігіңізден тыс жазба жоқ жазба сияқты 404 қайтарады.
api-docs-pages = Тізімдер беттерге бөлінген: келесі бетті алу үшін беттің «next» мәнін «cursor» ретінде жіберіңіз.
api-docs-limits = Бір токеннен минутына жасалатын сұраулар саны шектеулі; RateLimit және RateLimit-Policy тақырыптары қаншасы қалғанын көрсетеді.
api-docs-document = Машинамен оқылатын сипаттама
api-docs-operations = Операциялар
api-docs-method = Әдіс
api-docs-path = Жол
api-docs-summary = Не істейді
api-docs-access = Қолжетімділік
api-docs-public = Ашық
api-docs-read_token = Кез келген токен
api-docs-write_token = Оқу және жазу токені

api-op-list_consignments = Сізге қолжетімді партиялар тізімі, сүзгілермен
api-op-show_consignment = Бір партия
api-op-list_samples = Сізге қолжетімді сынамалар тізімі, сүзгілермен
api-op-show_sample = Бір сынама және сізге қолжетімді нәтижелер
api-op-file_application = Сынауға өтінім беру
api-op-show_application = Бір сынау өтінімі
api-op-list_certificates = Сертификаттар мен хабарламалар тізімі
api-op-show_certificate = Сертификат және оның ағымдағы мәртебесі
api-op-list_border_checks = Сертификаттың шекаралық тексерулері
api-op-record_border_check = Өз бекетіңізде шекаралық тексеруді жазу
api-op-verify_token = Сертификаттың QR токенін тексеру (API токені қажет емес)
api-op-openapi_document = Осы API-дің OpenAPI 3.1 құжаты
api-op-api_docs = Осы бет
