## ephyto: the certificate as a UN/CEFACT SPS certificate message (ePhyto XML)
ephyto-download = Электронный сертификат ePhyto (XML)
ephyto-download_hint = Сертификат в виде электронного сообщения (сертификат СФС UN/CEFACT) для других систем контроля.
ephyto-issuer = Совместная казахстанско-китайская фитосанитарная и ветеринарная лаборатория
ephyto-issue_place = Совместная лаборатория, пункты пропуска Хоргос и Достык
ephyto-country-kz = Казахстан
ephyto-country-cn = Китай
ephyto-replaces = Настоящий сертификат заменяет и аннулирует сертификат № { $number }.
