### Қазақша каталог. en.ftl-дағы әрбір кілт мұнда да болуы керек (тестпен тексеріледі).
### ../shared/GLOSSARY.md терминдерін қолданыңыз.

## app
app-name = jointlab

## layout
layout-skip = Мазмұнға өту
layout-language = Тіл
layout-main_nav = Негізгі мәзір
layout-sign_out = Шығу
layout-footer = Қазақстан–Қытай бірлескен фитосанитариялық және ветеринариялық зертханасы · Қорғас · Достық

## nav
nav-home = Басты бет
nav-users = Пайдаланушылар
nav-catalog = Анықтамалықтар
nav-audit = Аудит журналы
nav-applications = Өтінімдер
nav-consignments = Жүк партиялары
nav-samples = Сынамалар
nav-exporters = Экспорттаушылар
nav-bench = Жұмыс орны
nav-review = Тексеру

## role
role-admin = Әкімші
role-registrar = Тіркеуші
role-analyst = Талдаушы
role-reviewer = Тексеруші
role-certifier = Сертификатқа қол қоюшы
role-exporter = Экспорттаушы
role-inspector = Инспектор
role-auditor = Аудитор

## side
side-kz = Қазақстан тарапы
side-cn = Қытай тарапы

## tz
tz-almaty = Қазақстан уақыты (UTC+5)
tz-beijing = Қытай уақыты (UTC+8)

## error
error-home = Басты бетке өту

## error.bad_request
error-bad_request-title = Сұрауды оқу мүмкін болмады
error-bad_request-text = Сұрау қате құрастырылған. Артқа оралып, форманы тексеріңіз де, қайталап көріңіз.

## error.forbidden
error-forbidden-title = Сіздің рөліңізге қолжетімсіз
error-forbidden-text = Бұл бет басқа рөлге арналған. Егер ол жұмысыңызға қажет болса, әкімшіге хабарласыңыз.

## error.csrf
error-csrf-title = Форманың мерзімі өтті
error-csrf-text = Форма жарамды қауіпсіздік токенінсіз жіберілді: ол тым ұзақ ашық тұрған немесе сіз басқа жерден жүйеге кірген болуыңыз мүмкін. Бетті қайта жүктеп, форманы қайта жіберіңіз.

## error.not_found
error-not_found-title = Табылмады
error-not_found-text = Мұндай бет немесе жазба жоқ, не оны көруге рұқсатыңыз жоқ.

## error.payload_too_large
error-payload_too_large-title = Деректер тым көп
error-payload_too_large-text = Форма сервер қабылдайтыннан көп деректер жіберді. Енгізген мәтінді қысқартып, форманы қайта жіберіңіз.

## error.request_timeout
error-request_timeout-title = Сұрау тым ұзаққа созылды
error-request_timeout-text = Форма уақытында жетпеді: байланыс баяу немесе үзілген болуы мүмкін. Форманы қайта жіберіңіз.

## error.too_many_connections
error-too_many_connections-title = Қосылымдар тым көп
error-too_many_connections-text = Сіздің мекенжайыңыздан серверге бір уақытта тым көп қосылым ашылған. Кейбір қойындыларды жабыңыз немесе біраз күтіп, бетті қайта жүктеңіз.

## error.internal
error-busy-title = Жүйе бос емес
error-busy-text = Қазір дерекқормен барлық байланыс бос емес. Жіберген деректеріңіз жоғалған жоқ: бірнеше секундтан кейін қайталап көріңіз.
error-internal-title = Жүйе тарапында қате орын алды
error-internal-text = Қате журналға жазылды. Бір минуттан кейін қайталап көріңіз; қате қайталана берсе, әкімшіге хабарлаңыз.

## login
login-title = Жүйеге кіру
login-lead = Бірлескен зертхананың зертханалық ақпараттық жүйесі. Әкімші берген электрондық пошта мен құпиясөз арқылы кіріңіз.
login-submit = Кіру
login-invalid = Электрондық пошта немесе құпиясөз қате, не сәтсіз әрекеттер тым көп болды: сәл күтіп, қайталап көріңіз.
login-signed_out = Сіз жүйеден шықтыңыз.

## field
field-email = Электрондық пошта
field-password = Құпиясөз
field-display_name = Аты-жөні
field-role = Рөл
field-side = Тарап
field-exporter = Экспорттаушы компания
field-border_post = Өткізу пункті
field-language = Тіл
field-time_zone = Уақыт белдеуі
field-bin = БСН
field-required = Бұл өрісті толтыру міндетті.
field-email_invalid = Электрондық пошта мекенжайын енгізіңіз, мысалы: name@example.kz.
field-bin_format = БСН дәл 12 цифрдан тұрады.
field-bin_checksum = Бұл БСН-нің бақылау цифры қате: нөмірді тексеріңіз.
field-too_long = Мәні тым ұзын.
field-invalid = Мәнде рұқсат етілмеген таңбалар бар.
field-unsafe_characters = Мәнде басқару таңбалары немесе көрінбейтін мәтін бағыты белгілері бар: оларсыз қайта енгізіңіз.
field-drawn_at_range = Сынама соңғы екі жыл ішінде іріктеледі және болашақ күнмен емес.
field-planned_date_range = Шекарадан өтудің жоспарланған күні бүгіннен бастап бір жылдан аспауы керек.
field-password_short = Құпиясөз кемінде 12 таңбадан тұруы керек.
field-password_weak = Құпиясөзде кемінде 4 түрлі таңба болуы керек.
field-password_mismatch = Екі құпиясөз сәйкес келмейді.
field-password_common = Бұл құпиясөз ең жиі қолданылатын немесе жария болған құпиясөздердің қатарында. Басқасын, мысалы бірнеше сөзден тұратын тіркесті таңдаңыз.
field-password_personal = Құпиясөзде e-mail атауы немесе өз атыңыз болмауы керек.
field-password_reused = Жаңа құпиясөз ағымдағысынан өзгеше болуы керек.
field-side_required = Зертхана қызметкерлері Қазақстан немесе Қытай тарапына жатады: тарапты таңдаңыз.
field-side_not_allowed = Тарап тек зертхана қызметкерлері үшін көрсетіледі: бұл рөл үшін өрісті бос қалдырыңыз.
field-exporter_required = Экспорттаушы пайдаланушы экспорттаушы компанияға тиесілі: компанияны таңдаңыз.
field-exporter_not_allowed = Компанияға тек экспорттаушы пайдаланушылар тиесілі: бұл рөл үшін өрісті бос қалдырыңыз.
field-post_required = Инспектор өткізу пунктіне бекітіледі: пунктті таңдаңыз.
field-post_not_allowed = Өткізу пунктіне тек инспекторлар бекітіледі: бұл рөл үшін өрісті бос қалдырыңыз.
field-choose = Нұсқалардың бірін таңдаңыз.
field-email_taken = Бұл электрондық пошта басқа есептік жазбада қолданылып жүр.
field-date_invalid = Күнді YYYY-MM-DD пішімінде енгізіңіз.
field-datetime_invalid = Күн мен уақытты енгізіңіз, мысалы: 2026-11-24T09:30.
field-hs_code = СЭҚ ТН коды 6–10 цифрдан тұрады.
field-number = Санды енгізіңіз, мысалы 12,5 (цифрлар және бір ондық бөлгіш).
field-number_range = Сан рұқсат етілген ауқымнан тыс (үтірге дейін 12-ден, кейін 9-дан аспайтын цифр).
field-positive = Нөлден үлкен сан енгізіңіз.

## form
form-save = Сақтау
form-any = Барлығы
form-filter = Сүзу
form-next_page = Келесі бет
form-choose = Таңдаңыз…
form-none = Таңдалмаған
form-has_errors = Кейбір өрістерді түзету қажет: төмендегі хабарламаларды қараңыз.
form-stale = Сіз форманы ашқаннан кейін бұл жазбаны басқа пайдаланушы өзгертті. Енгізген деректеріңіз төменде сақталды: оларды жазбаның ағымдағы нұсқасымен салыстырып, қайта сақтаңыз.
form-yes = Иә
form-no = Жоқ

## home
home-title = Басты бет
home-greeting = Қош келдіңіз, { $name }
home-accounts = Есептік жазбалар
home-active_accounts = Белсенді есептік жазбалар
home-recent_events = Соңғы оқиғалар

## home.duties
home-duties-admin = Сіз пайдаланушыларды, анықтамалықтарды және өткізу пункттерін басқарасыз. Нәтижелерді енгізбейсіз және сертификаттарға қол қоймайсыз.
home-duties-registrar = Сіз жүк партиялары мен сынамаларды тіркейсіз, сынамаларды пломбалайсыз және бөлесіз, заттаңбаларды басып шығарасыз, сынамалардың берілуін және оларды өз тарапыңызда қабылдауды тіркейсіз.
home-duties-analyst = Сіз өз тарапыңыздың зертханасында жүргізілген сынақтардың нәтижелерін енгізесіз.
home-duties-reviewer = Сіз өз тарапыңыздың нәтижелерін растайсыз немесе қабылдамайсыз (өзіңіз енгізген нәтижелерден басқасын), қайта сынақ тағайындайсыз және нәтижелердің алшақтығын шешесіз.
home-duties-certifier = Сіз өз тарапыңыздың сертификаттарын дайындайсыз, оларға бірлесіп қол қоясыз, оларды ауыстырасыз және кері қайтарасыз.
home-duties-exporter = Сіз сынақ жүргізуге өтінім бересіз, компанияңыздың әрбір жүк партиясын қадағалайсыз және оның сертификаттарын жүктеп аласыз.
home-duties-inspector = Сіз өз өткізу пунктіңізде сертификаттың QR-кодын сканерлеп, оның түпнұсқа әрі жарамды екенін тексересіз және шекарадағы шешімді тіркейсіз.
home-duties-auditor = Сіз өз тарапыңызға қолжетімді барлық деректерді, соның ішінде аудит журналын көресіз. Ештеңені өзгертпейсіз.

## account
account-title = Менің есептік жазбам
account-preferences = Тіл және уақыт белдеуі
account-change_password = Құпиясөзді өзгерту
account-current_password = Ағымдағы құпиясөз
account-new_password = Жаңа құпиясөз
account-confirm_password = Жаңа құпиясөзді қайталаңыз
account-password_hint = Кемінде 12 таңба. Бірнеше сөзден тұратын тіркесті есте сақтау оңай, ал табу қиын.
account-current_wrong = Ағымдағы құпиясөз қате.
account-password_changed = Құпиясөзіңіз өзгертілді. Басқа сеанстарыңыз аяқталды.
account-preferences_saved = Баптауларыңыз сақталды.
account-must_change = Сіз бір реттік құпиясөзбен кірдіңіз. Жалғастыру үшін өз құпиясөзіңізді орнатыңыз.

## users
users-title = Пайдаланушылар
users-new = Жаңа пайдаланушы
users-edit = Пайдаланушыны өңдеу
users-search = Аты немесе электрондық пошта
users-none = Бұл сүзгілерге сәйкес пайдаланушы жоқ.
users-status = Күйі
users-active = Белсенді
users-inactive = Өшірілген
users-locked = Бұғатталған
users-side_hint = Тіркеушілер, талдаушылар, тексерушілер, сертификатқа қол қоюшылар және аудиторлар бір тарапқа жатады.
users-exporter_hint = Тек экспорттаушы пайдаланушылар үшін: компанияның БСН-і, 12 цифр.
users-post_hint = Тек инспекторлар үшін.
users-create = Пайдаланушы құру
users-open_sessions = Ашық сеанстар
users-created_at = Құрылған уақыты
users-must_change = Келесі кірген кезде құпиясөз орнатуы керек
users-deactivate = Өшіру
users-activate = Қайта қосу
users-reset_password = Құпиясөзді қалпына келтіру
users-reset_hint = Қалпына келтірген кезде жаңа бір реттік құпиясөз беріледі, бұғаттау алынады және пайдаланушының барлық сеанстары аяқталады.
users-throttles = Сәтсіз кіру әрекеттері
users-no_throttles = Сәтсіз кіру әрекеттері есептелмейді.
users-throttle_address = Клиент мекенжайы
users-throttle_failures = Сәтсіздік
users-throttled_until = Кідіріс мерзімі
users-throttle_all_addresses = барлық мекенжайлар
users-clear_throttles = Тазарту
users-throttles_hint = Сәтсіздіктер біріншісінен бір сағаттан кейін ұмытылады; бірнешеуінен кейін әр тексеру ұзағырақ күтеді. Тазарту осы есептік жазбаның барлық кідірісін тоқтатады.
users-throttles_cleared = Сәтсіз кіру әрекеттері тазартылды.
users-one_time_title = Бір реттік құпиясөз
users-created = Пайдаланушы құрылды
users-password_reset_done = Құпиясөз қалпына келтірілді
users-one_time_password = Бір реттік құпиясөз
users-one_time_hint = Бұл құпиясөз тек бір рет көрсетіледі. Оны пайдаланушыға жеке өзіне немесе телефон арқылы беріңіз; ол алғаш кірген кезде өз құпиясөзін орнатуы тиіс.
users-back_to_user = Пайдаланушыға оралу
users-saved = Пайдаланушы сақталды.
users-deactivated_notice = Пайдаланушы өшірілді, оның барлық сеанстары аяқталды.
users-activated_notice = Пайдаланушы қайта қосылды.
users-cannot_deactivate_self = Өз есептік жазбаңызды өшіруге болмайды.
users-cannot_demote_self = Өз есептік жазбаңыздан әкімші рөлін алып тастай алмайсыз.

## exporters
exporters-title = Экспорттаушы компаниялар
exporters-new = Жаңа компания
exporters-create = Компанияны тіркеу
exporters-search = Атауы немесе БСН
exporters-none = Сәйкес компания жоқ.
exporters-name = Компания атауы
exporters-address = Мекенжайы
exporters-contact_email = Байланыс электрондық поштасы
exporters-bin_hint = 12 цифр; соңғысы — бақылау цифры.
exporters-bin_taken = Мұндай БСН-і бар компания бұрыннан тіркелген.
exporters-saved = Компания сақталды.
exporters-users = Экспорттаушы пайдаланушылар
exporters-no_users = Бұл компанияда әзірге пайдаланушы жоқ.
exporters-users_hint = Экспорттаушы пайдаланушыларды компаниясымен әкімші пайдаланушы бетінде байланыстырады.

## intake
intake-search = Код, пломба, БСН немесе компания
intake-status = Күйі
intake-commodity = Тауар
intake-exporter = Экспорттаушы
intake-sort = Реттілік
intake-newest = Алдымен жаңалары
intake-oldest = Алдымен ескілері
intake-none = Бұл сүзгілерге сәйкес ештеңе табылмады.
intake-code = Коды
intake-submitted_at = Берілген уақыты
intake-created_at = Тіркелген уақыты
intake-quantity = Саны
intake-unit = Өлшем бірлігі
intake-lots = Лоттар, вагондар немесе көліктер
intake-lots_hint = Лоттардың, вагондардың немесе көліктердің нөмірлері үтір арқылы.
intake-origin = Шығу тегі
intake-region = Облыс
intake-district = Аудан
intake-producer = Өндіруші
intake-consignee = Қытайдағы жүк алушы
intake-transport = Көлік түрі
intake-planned_date = Шекарадан өтудің жоспарланған күні
intake-destination = Межелі ел
intake-hs = СЭҚ ТН
intake-history = Өзгерістер тарихы

## applications
applications-already_decided = Бұл өтінім бойынша шешім қабылданған.
applications-title = Сынақ жүргізуге өтінімдер
applications-one = Өтінім
applications-new = Сынақ жүргізуге жаңа өтінім
applications-lead = Сынақтан өткізілетін жүк партиясын сипаттаңыз. Бірлескен зертхана өтінімді қабылдайды немесе себебін көрсетіп қайтарады.
applications-exporter_bin = Экспорттаушының БСН-і
applications-exporter_bin_hint = Компанияның БСН-і, 12 цифр; табылғанда атауы осы жерде шығады.
field-no_company_with_bin = Бұл БСН-мен тіркелген компания жоқ.
applications-submit = Өтінім беру
applications-decide = Шешім
applications-accept = Қабылдап, жүк партиясын құру
applications-accept_hint = Жүк партиясы құрылады; содан кейін оның бетінде сынамалар тіркеледі.
applications-return = Экспорттаушыға қайтару
applications-reason = Қайтару себебі (экспорттаушыға көрінеді)
applications-returned_because = Қайтарылды:
applications-decided_at = Шешім уақыты

## applications.status
applications-status-submitted = Берілді
applications-status-accepted = Қабылданды
applications-status-returned = Қайтарылды

## consignments
consignments-title = Жүк партиялары
consignments-one = Жүк партиясы

## consignments.status
consignments-status-registered = Тіркелді
consignments-status-sampled = Сынамалар алынды
consignments-status-in_testing = Сынақта
consignments-status-tested = Сынақтан өтті
consignments-status-closed = Жабылды

## samples
samples-already_replaced = Бұл сынаманың ауыстырушысы тіркеліп қойған.
samples-replacement_other_consignment = Ауыстыратын сынама сол партиядан болуы керек.
samples-rejected_note = Бұл сынаманың бір бөлігі жарамсыз деп қабылданбады: сынама бойынша сертификат берілмейді, басқа тараптың аяқталмаған сынақтары кері қайтарылды.
samples-replaced_by = Ауыстырған сынама
samples-replaces = Ауыстырады
samples-draw_replacement = Ауыстыратын сынама алу
samples-replacement_lead = Бұл сынаманың бір бөлігі жарамсыз деп қабылданбады, сондықтан ол бойынша сертификат беруге болмайды. Сол партиядан ауыстыратын сынама алыңыз; ол осы сынамамен байланыстырылады.
samples-replacement_title = Ауыстыратын сынама
samples-title = Сынамалар
samples-one = Сынама
samples-register = Сынаманы тіркеу
samples-register_lead = Сынамаға жылдың келесі коды беріледі және ол Қазақстан тарапының бөлігіне, Қытай тарапының бөлігіне және бақылау сынамасына бөлінеді.
samples-none_yet = Әзірге сынама тіркелмеген.
samples-seal = Пломба нөмірі
samples-mass = Массасы
samples-storage = Сақтау шарттары
samples-drawn_at = Сынама алынған уақыт
samples-drawn_by = Сынама алған
samples-split_hint = Әрбір бөлік қабылдау кезінде пломбаланады және өз заттаңбасын алады.
samples-portions = Сынама бөліктері
samples-drawn_in_future = Сынама алу уақыты болашақта бола алмайды.

## samples.status
samples-status-registered = Тіркелді
samples-status-received = Қабылданды
samples-status-in_testing = Сынақта
samples-status-tested = Сынақтан өтті
samples-status-closed = Жабылды
samples-status-rejected = Қабылданбады
samples-status-cancelled = Күші жойылды

## unit
unit-t = т
unit-kg = кг
unit-g = г
unit-head = бас
unit-pcs = дана

## transport
transport-rail = Теміржол көлігі
transport-road = Автомобиль көлігі

## storage
storage-ambient = Бөлме температурасы
storage-chilled = Салқындату (0…+4 °C)
storage-frozen = Мұздату (−18 °C)

## portion
portion-kz = Қазақстан тарапының бөлігі
portion-cn = Қытай тарапының бөлігі
portion-counter = Бақылау сынамасы

## portion_status
portion_status-sealed = Пломбаланды
portion_status-handed_over = Берілді
portion_status-received = Қабылданды
portion_status-rejected = Қабылданбады
portion_status-disposed = Жойылды

## custody
custody-confirm_cancel = Бұл сынаманы жою керек пе? Себебі: { $reason }
custody-confirm_dispose = Жою: { $portion }? Себебі: { $reason }
custody-already_replaced = Ауыстыратын сынама алынып қойған.
custody-not_rejected = Ауыстыру тек бөлігі жарамсыз деп қабылданбаған сынама үшін алынады.
custody-cancel_after_receipt = Зертхана өз бөлігін қабылдап қойған: сынаманы жою мүмкін емес.
custody-portion_under_test = Бұл бөлік бойынша сынақтар әлі жүріп жатыр: оны әзірге жоюға болмайды.
custody-counter_kept_for_arbitration = Сәйкессіздік төрелікті күтіп тұрғанда бақылау сынамасы сақталады.
custody-held_by_other_side = Бұл бөлік басқа тараптың зертханасында: оны тек сол тараптың тіркеушісі басқара алады.
custody-already_disposed = Бұл бөлік жойылып қойған.
custody-already_received = Бұл бөлік қабылданып қойған.
custody-not_your_portion = Сіздің тарап тек өз бөлігінің қабылдануын тіркейді.
custody-not_at_reception = Тек қабылдау бөлімінде әлі пломбаланған бөлікті ғана беруге болады.
custody-sample_closed = Сынама жойылған, қабылданбаған немесе жабылған: сақтау бойынша әрі қарай әрекет мүмкін емес.
custody-title = Сынамалардың берілуі мен сақталуы
custody-record = Сынамамен жасалған әрекетті тіркеу
custody-hand_over = Беру
custody-receive = Қабылдау
custody-record_receipt = Қабылдауды тіркеу
custody-dispose = Жою
custody-cancel = Сынаманың күшін жою
custody-portion = Сынама бөлігі
custody-holder = Қазір кімде
custody-seal_intact = Пломба бүтін
custody-temperature = Қабылдау кезіндегі температура, °C
custody-decision = Шешім
custody-accept = Сынаққа қабылдау
custody-reject = Жарамсыз деп қабылдамау
custody-reason = Себебі
custody-reason_required = Бөлікті қабылдамау себебін көрсетіңіз.
custody-not_possible = Бөліктің қазіргі күйінде бұл әрекет мүмкін емес.
custody-from = қайдан:
custody-to = қайда:

## custody.party
custody-party-reception = Бірлескен зертхананың сынама қабылдау бөлімі
custody-party-kz = Қазақстан зертханасы
custody-party-cn = Қытай зертханасы
custody-party-counter_store = Бақылау сынамаларының қоймасы

## custody.kind
custody-kind-drawn = Алынды
custody-kind-sealed = Пломбаланды
custody-kind-handed_over = Берілді
custody-kind-received = Қабылданды
custody-kind-accepted = Сынаққа қабылданды
custody-kind-rejected = Қабылданбады
custody-kind-disposed = Жойылды
custody-kind-cancelled = Күші жойылды

## labels

## time
time-days = тәу
time-hours = сағ
time-minutes = мин

## bench
bench-withdrawn = Кері қайтарылған сынақтар
bench-sample_closed = Сынама жойылған, қабылданбаған немесе жабылған: ол бойынша нәтижелер қабылданбайды.
bench-title = Жұмыс орны
bench-lead = Өз тарапыңыздың нәтижелерін күтіп тұрған сынақтар, әдістер бойынша; ең ұзақ күтіп тұрғандары басында.
bench-empty = Нәтиже күтіп тұрған сынақ жоқ.
bench-enter_results = Нәтижелерді енгізу
bench-waiting = Күту уақыты
bench-result = Нәтиже
bench-qualitative_hint = Әр сынама үшін not_detected немесе detected енгізіңіз. Сынақ жұмыс орнында қалуы үшін жолды бос қалдырыңыз.
bench-quantitative_hint = Әр мәнді { $unit } бірлігімен енгізіңіз, не < LOQ, не nd (анықталған жоқ) деп жазыңыз. Сынақ жұмыс орнында қалуы үшін жолды бос қалдырыңыз.
bench-save_all = Нәтижелерді сақтау
bench-returned = Тексеруші қайтарды
bench-nothing_entered = Ешбір нәтиже енгізілмеді: кемінде бір мән жазыңыз.
bench-conflict = Бұл нәтижелердің бір бөлігін сізден бұрын басқа пайдаланушы сақтап қойды. Ештеңе сақталмады; бетте жұмыс орнының қазіргі күйі сіз енгізген деректермен бірге көрсетілген.
bench-not_pending = Бұл сынақ енді нәтиже күтпейді.

## review
review-title = Тексеру
review-lead = Өз тарапыңыздың талдаушылары енгізген нәтижелер. Оларды растаңыз немесе қабылдамаңыз — бірнешеуін бірден де болады. Өзіңіз енгізген нәтижелерді растай алмайсыз.
review-empty = Тексеруді күтіп тұрған нәтиже жоқ.
review-select = Таңдау
review-limit = Рұқсат етілген деңгей
review-conformity = Сәйкестік
review-entered_by = Кім енгізді
review-own_entry_short = өзіңіз енгіздіңіз
review-reason = Қабылдамау себебі (қабылдамау үшін міндетті)
review-verify = Таңдалғандарды растау
review-reject = Таңдалғандарды қабылдамау
review-done = Орындалды.
review-none_selected = Кемінде бір нәтижені таңдаңыз.
review-own_entry = Бұл нәтижелердің бірін өзіңіз енгіздіңіз: оны басқа тексеруші растауы керек. Ештеңе өзгертілмеді.
review-not_entered = Бұл нәтижелердің бірі енді тексеруді күтпейді. Ештеңе өзгертілмеді.
review-select_all = Барлығын таңдау

## reading
reading-value = мән
reading-below_loq = сандық анықтау шегінен төмен
reading-not_detected = анықталған жоқ
reading-detected = анықталды

## rule
rule-not_detected = анықталған жоқ

## conformity
conformity-conforms = сәйкес келеді
conformity-does_not_conform = сәйкес келмейді
conformity-inconclusive = анықталмады

## tests
tests-withdrawn = Кері қайтарылды
tests-confirm_invalidate = Бұл расталған нәтижені жарамсыз деп тану керек пе? Жұмыс орнына қайта сынақ қойылады. Себебі: { $reason }
tests-portion_not_received = Сіздің зертхана бұл сынаманың өз бөлігін қабылдаған жоқ.
tests-title = Сынақтар
tests-none = Әзірге көрсетілетін сынақ жоқ.
tests-method = Сынақ әдісі
tests-manage = Сынақтарды басқару
tests-manage_lead = Осы сынаманың сіздің тарапыңыздағы сынақтары. Күтудегі сынақты алып тастаңыз немесе расталған нәтижені жарамсыз деп таныңыз (қайта сынақ кезекке қойылады) — әрқашан себебін көрсетіңіз.
tests-note = Ескертпе
tests-change = Өзгеріс
tests-retest = қайта сынақ
tests-remove = Алып тастау
tests-invalidate = Жарамсыз деп тану
tests-add = Сынақ қосу
tests-already_running = Сіздің тарапыңыз бұл сынамаға осы сынақты жүргізіп жатыр.
tests-not_removable = Тек нәтиже күтіп тұрған сынақты алып тастауға болады.
tests-not_verified = Тек расталған нәтижені жарамсыз деп тануға болады.

## tests.status
tests-status-pending = Нәтиже күтілуде
tests-status-entered = Енгізілді, расталмады
tests-status-verified = Расталды
tests-status-invalidated = Жарамсыз деп танылды
tests-status-removed = Алынып тасталды

## dashboard
dashboard-title = Сіздің тарап бүгін
dashboard-to_receive =
    { $count ->
       *[other] сынама бөлігі қабылдауды күтуде
    }
dashboard-on_bench =
    { $count ->
       *[other] сынақ жұмыс орнында
    }
dashboard-to_review =
    { $count ->
       *[other] нәтиже тексеруді күтуде
    }
dashboard-discrepancies =
    { $count ->
       *[other] ашық нәтижелер алшақтығы
    }
dashboard-oldest = жұмыс орнындағы ең ұзақ күту

## discrepancy
discrepancy-closed_by_retest = Жабылды: қайта сынақ сәйкес келді
discrepancy-reopened = Қайта ашылды: қайта сынақ тағы сәйкес келмейді
discrepancy-contradicted = Тараптардың шешімдері әртүрлі нәтижені көрсетеді: тараптар келіскенше сәйкессіздік ашық қалады. Кез келген тарап өз шешімін өзгерте алады.
discrepancy-closed = Бұл сәйкессіздік жабылған.
discrepancy-title = Зертханалар арасындағы нәтижелердің алшақтығы
discrepancy-lead = Екі тарап бір сынақ әдісінің нәтижелерін растады: бір нәтиже сәйкес келеді, екіншісі сәйкес келмейді. Екі тараптың тексерушілері бірдей нәтижені көрсетпейінше (бақылау сынамасындағы төрелік сынақ немесе бір тараптың нәтижесі) немесе қайта сынақ екі тарапты бірдей нәтижеге әкелмейінше, жүк партиясын сертификаттауға болмайды.
discrepancy-flagged = Анықталды
discrepancy-resolved = Реттелді
discrepancy-resolution = Шешім
discrepancy-reason = Негіздеме
discrepancy-awaiting = Әлі тіркелмеді
discrepancy-record = Өз тарапыңыздың шешімін тіркеу
discrepancy-record_hint = Сіздің тарапыңыз шешімді бір рет тіркейді; екі тарап бірдей нәтижені көрсеткенде алшақтық жабылады. Тараптардың шешімдері бір-біріне қайшы болса, әр тарап өз шешімін өзгерте алады.
discrepancy-outcome_label = Шешім
discrepancy-reason_label = Негіздеме (міндетті)
discrepancy-submit = Шешімді тіркеу
discrepancy-already_recorded = Сіздің тарапыңыз шешімін тіркеп қойған, екінші тарап әлі жауап берген жоқ. Ештеңе өзгертілмеді.
discrepancy-resolution_recorded = Сіздің тарапыңыздың шешімі тіркелді; екінші тараптың шешімі күтілуде.

## discrepancy.status
discrepancy-status-open = Ашық
discrepancy-status-resolved = Реттелді

## discrepancy.outcome
discrepancy-outcome-arbitration_conforms = Бақылау сынамасындағы төрелік сынақ: сәйкес келеді
discrepancy-outcome-arbitration_does_not_conform = Бақылау сынамасындағы төрелік сынақ: сәйкес келмейді
discrepancy-outcome-accept_kz = Қазақстан тарапының нәтижесін қабылдау
discrepancy-outcome-accept_cn = Қытай тарапының нәтижесін қабылдау

## discrepancy.agreed
discrepancy-agreed-does_not_conform = Келісілген нәтиже: сәйкес келмейді.
discrepancy-agreed-conforms = Келісілген нәтиже: сәйкес келеді.

## discrepancy.closed_by
discrepancy-closed_by-retest = қайта сынақ екі тарапты бірдей нәтижеге әкелді
discrepancy-closed_by-reviewers = екі тараптың тексерушілері бірдей нәтижені көрсетті

## audit
audit-title = Аудит журналы
audit-lead = Барлық өзгерістер, ең жаңалары басында. Әрбір оқиға хеш арқылы алдыңғы оқиғамен тізбектей байланысқан; `jointlab verify-audit` бүкіл тізбекті тексереді.
audit-action = Әрекет
audit-entity = Жазба түрі
audit-actor = Кім
audit-from = Кезең басы
audit-to = Кезең соңы
audit-none = Бұл сүзгілерге сәйкес оқиға жоқ.
audit-at = Уақыты
audit-change = Өзгеріс
audit-before = бұрын
audit-after = кейін
audit-hidden = Мәндер жасырылған: екінші тараптың расталмаған деректері.

## catalog
catalog-title = Анықтамалықтар
catalog-lead = Зертхана нені және қандай нормалар бойынша сынайды: тауарлар, сынақ әдістері, әр межелі елдің рұқсат етілген деңгейлері және әр тарап әдепкі бойынша жүргізетін сынақтар. «Демо» белгісі бар жазбалар демонстрациялық анықтамалықтан алынған: оларға сүйенбес бұрын қолданыстағы стандарттармен салыстырыңыз.
catalog-part = Анықтамалық
catalog-entries = Жазбалар
catalog-what = Мазмұны
catalog-demo = демо
catalog-active = Қолданыста
catalog-inactive = Қолданыста емес
catalog-status = Күйі
catalog-actions = Әрекеттер
catalog-remove = Жою

## catalog.commodities
catalog-commodities-title = Тауарлар
catalog-commodities-lead = Зертхана сертификаттайтын тауарлар, СЭҚ ТН кодымен; тауар түрі сертификатты анықтайды (фитосанитариялық немесе ветеринариялық).
catalog-commodities-new = Жаңа тауар
catalog-commodities-edit = Тауарды өзгерту
catalog-commodities-create = Тауар қосу
catalog-commodities-none = Анықтамалықта әзірге тауар жоқ.

## catalog.methods
catalog-methods-title = Сынақ әдістері
catalog-methods-lead = Әр сынақ қалай жүргізіледі: нәтиже түрі, өлшем бірлігі, анықтау және сандық анықтау шектері, әр тараптың әдіс стандарты.
catalog-methods-new = Жаңа сынақ әдісі
catalog-methods-edit = Сынақ әдісін өзгерту
catalog-methods-create = Сынақ әдісін қосу
catalog-methods-none = Анықтамалықта әзірге сынақ әдісі жоқ.

## catalog.limit_sets
catalog-limit_sets-title = Рұқсат етілген деңгейлер жинақтары
catalog-limit_sets-lead = Әр межелі елдің рұқсат етілген деңгейлері: нәтижелер жүк партиясының межелі елінің жинағы бойынша бағаланады.
catalog-limit_sets-limits = Рұқсат етілген деңгейлер
catalog-limit_sets-limits_lead = Тауар мен сынақ бойынша ең жоғары немесе ең төменгі рұқсат етілген деңгей, не «анықталған жоқ».
catalog-limit_sets-none = Әзірге рұқсат етілген деңгейлер жинағы жоқ.
catalog-limit_sets-no_limits = Бұл жинақта әзірге рұқсат етілген деңгей жоқ.
catalog-limit_sets-add = Рұқсат етілген деңгей қосу
catalog-limit_sets-new = Рұқсат етілген деңгейлердің жаңа жиынтығы
catalog-limit_sets-create = Жиынтық қосу
catalog-limit_sets-code_hint = 2-ден 8-ге дейін бас латын әрпі, мысалы CN немесе EAEU.
catalog-limit_sets-code_format = 2-ден 8-ге дейін бас латын әрпін қолданыңыз.
catalog-limit_sets-code_taken = Осындай коды бар жиынтық бұрыннан бар.

## catalog.panels
catalog-panels-title = Әдепкі сынақтар тізбесі
catalog-panels-lead = Әр тарап осы тауардың сынамасына әдепкі бойынша жүргізетін сынақтар.
catalog-panels-open = Сынақтар тізбесін ашу
catalog-panels-none = Бұл тарап әдепкі бойынша сынақ жүргізбейді.
catalog-panels-add = Тізбеге сынақ қосу

## catalog.notice
catalog-notice-created = Жазба қосылды.
catalog-notice-updated = Өзгерістер сақталды.
catalog-notice-added = Жазба қосылды.
catalog-notice-removed = Жазба жойылды.

## catalog.field
catalog-field-names = Төрт тілдегі атауы
catalog-field-name = Атауы
catalog-field-name_en = Ағылшынша атауы
catalog-field-name_ru = Орысша атауы
catalog-field-name_kk = Қазақша атауы
catalog-field-name_zh = Қытайша атауы
catalog-field-hs_code = СЭҚ ТН коды
catalog-field-kind = Түрі
catalog-field-active = Қолданыста (жаңа жазбаларда таңдауға болады)
catalog-field-code = Коды
catalog-field-discipline = Бағыты
catalog-field-result_kind = Нәтиже түрі
catalog-field-unit = Өлшем бірлігі
catalog-field-lod = Анықтау шегі (АШ)
catalog-field-loq = Сандық анықтау шегі (САШ)
catalog-field-lod_loq = АШ / САШ
catalog-field-standard_kz = Әдіс стандарты, қазақстандық тарап
catalog-field-standard_cn = Әдіс стандарты, қытайлық тарап
catalog-field-standards = Әдіс стандарттары
catalog-field-standard = Әдіс стандарты
catalog-field-commodity = Тауар
catalog-field-test_method = Сынақ әдісі
catalog-field-rule = Норма
catalog-field-value = Рұқсат етілген деңгей мәні
catalog-field-reference = Дереккөзі (стандарт, тармақ)

## catalog.hint
catalog-hint-hs_code = 6–10 цифр, мысалы бидай үшін 100199; бос орындар мен нүктелер ескерілмейді.
catalog-hint-kind = Өсімдік өнімдеріне фитосанитариялық сертификат, жануар өнімдеріне ветеринариялық сертификат беріледі.
catalog-hint-active = Жазбаны қолданыстан шығару үшін белгіні алып тастаңыз: ол анықтамалықта және бар жазбаларда қалады, бірақ оны енді таңдауға болмайды.
catalog-hint-code = Қысқа әрі бірегей: латын әріптері, цифрлар, «.», «-» немесе «_», мысалы AFB1.
catalog-hint-result_kind = Сандық: өлшем бірлігі бар мән. Сапалық: анықталды немесе анықталған жоқ.
catalog-hint-unit = Сандық әдіс үшін міндетті (мысалы мг/кг, мкг/кг, Бк/кг); сапалық әдіс үшін бос қалдырыңыз.
catalog-hint-lod = Міндетті емес, әдістің бірлігінде; сандық анықтау шегі одан төмен болмауы керек.
catalog-hint-standard_kz = ҚР СТ немесе МЕМСТ, мысалы ГОСТ 30711-2001.
catalog-hint-standard_cn = GB немесе GB/T, мысалы GB 5009.22-2016.
catalog-hint-value = Әдістің бірлігінде; ең жоғары немесе ең төменгі деңгей үшін міндетті, «анықталған жоқ» үшін бос.
catalog-hint-reference = Міндетті емес: рұқсат етілген деңгей алынған стандарт пен тармақ.

## catalog.kind
catalog-kind-plant = Өсімдік тектес өнім
catalog-kind-animal = Жануар тектес өнім

## catalog.discipline
catalog-discipline-quarantine_pest = Карантиндік зиянды организм
catalog-discipline-mycotoxin = Микотоксиндер
catalog-discipline-heavy_metal = Ауыр металдар
catalog-discipline-pesticide_residue = Пестицидтердің қалдықтары
catalog-discipline-microbiology = Микробиология
catalog-discipline-veterinary_drug_residue = Ветеринариялық препараттардың қалдықтары
catalog-discipline-radionuclide = Радионуклидтер
catalog-discipline-veterinary_disease = Жануарлар аурулары

## catalog.result_kind
catalog-result_kind-quantitative = Сандық
catalog-result_kind-qualitative = Сапалық

## catalog.rule
catalog-rule-max = Көп емес
catalog-rule-min = Кем емес
catalog-rule-not_detected = Анықталған жоқ

## catalog.error
catalog-error-code_format = Код тек латын әріптерінен, цифрлардан, «.», «-» және «_» таңбаларынан тұрады.
catalog-error-code_taken = Бұл код басқа сынақ әдісіне берілген.
catalog-error-unit_required = Сандық әдіске өлшем бірлігі қажет.
catalog-error-unit_not_allowed = Сапалық әдістің өлшем бірлігі болмайды: өрісті бос қалдырыңыз.
catalog-error-qualitative_no_lod = Сапалық әдістің бірлікпен берілген анықтау шектері болмайды: өрісті бос қалдырыңыз.
catalog-error-loq_below_lod = Сандық анықтау шегі анықтау шегінен төмен болмауы керек.
catalog-error-rule_needs_quantitative = Ең жоғары немесе ең төменгі деңгей тек сандық әдіске беріледі: «анықталған жоқ» таңдаңыз.
catalog-error-value_required = Ең жоғары немесе ең төменгі деңгейге мән қажет.
catalog-error-value_not_allowed = «Анықталған жоқ» нормасының мәні болмайды: өрісті бос қалдырыңыз.
catalog-error-limit_taken = Бұл жинақта осы тауар мен сынақ әдісіне рұқсат етілген деңгей бар: оны ауыстыру үшін алдымен бұрынғысын жойыңыз.
catalog-error-panel_taken = Бұл тарап осы тауар үшін бұл сынақты әдепкі бойынша жүргізеді.

## policy
policy-not_your_company = Өтінімді тек өз компанияңыздан беруге болады.
policy-other_side = Бұл басқа тараптың зертханасына тиесілі.
policy-not_your_role = Сіздің рөліңіз мұны істеуге рұқсат бермейді.

## confirm
confirm-back = Жоқ, қайту
confirm-yes = Иә, орындау
confirm-cannot_undo = Бұл әрекетті болдырмау мүмкін емес.
confirm-title = Әрекетті растаңыз
