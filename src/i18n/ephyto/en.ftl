## ephyto: the certificate as a UN/CEFACT SPS certificate message (ePhyto XML)
ephyto-download = ePhyto XML
ephyto-download_hint = The certificate as an electronic message (UN/CEFACT SPS certificate) for other inspection systems.
ephyto-issuer = Joint Kazakh–Chinese phyto-veterinary laboratory
ephyto-issue_place = Joint laboratory, Khorgos and Dostyk border crossings
ephyto-country-kz = Kazakhstan
ephyto-country-cn = China
ephyto-replaces = This certificate replaces and cancels certificate No. { $number }.
