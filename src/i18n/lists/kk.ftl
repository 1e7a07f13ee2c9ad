## Lists: sorting by column, CSV downloads, the exporter search field, home tiles that open a filtered list.

lists-exporter_hint = Атауы немесе БСН
lists-by_column = Таңдалған баған бойынша
lists-download_csv = CSV жүктеу
lists-too_many_title = Бір жүктеуге жолдар тым көп
lists-too_many_text = Бір жүктеуге ең көбі { $max } жол кіреді. Сүзгілерді тарылтып (мәртебе, күндер, экспорттаушы), қайта жүктеңіз.
lists-back_to_list = Тізімге оралу
lists-tile_discrepancies =
    { $count ->
       *[other] нәтижелердің алшақтығы ашық сынама
    }
lists-tile_applications_waiting =
    { $count ->
       *[other] шешім күтіп тұрған сынақ жүргізуге өтінім
    }
lists-tile_applications_returned =
    { $count ->
       *[other] түзетуге қайтарылған сынақ жүргізуге өтінім
    }
lists-only_to_receive = Тек бөлігі сіздің тарапыңызда қабылдауды күтіп тұрған сынамалар.
lists-only_discrepancies = Тек зертханалар нәтижелерінің алшақтығы ашық сынамалар.
lists-show_all = Барлығын көрсету
