## ephyto: the certificate as a UN/CEFACT SPS certificate message (ePhyto XML)
ephyto-download = ePhyto электрондық сертификаты (XML)
ephyto-download_hint = Басқа бақылау жүйелеріне арналған электрондық хабарлама түріндегі сертификат (UN/CEFACT СФС сертификаты).
ephyto-issuer = Қазақстан-Қытай бірлескен фитосанитариялық және ветеринариялық зертханасы
ephyto-issue_place = Бірлескен зертхана, Қорғас және Достық өткізу пункттері
ephyto-country-kz = Қазақстан
ephyto-country-cn = Қытай
ephyto-replaces = Осы сертификат № { $number } сертификатты ауыстырады және күшін жояды.
