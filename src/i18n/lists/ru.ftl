## Lists: sorting by column, CSV downloads, the exporter search field, home tiles that open a filtered list.

lists-exporter_hint = Название или БИН
lists-by_column = По выбранному столбцу
lists-download_csv = Скачать CSV
lists-too_many_title = Слишком много строк для одной выгрузки
lists-too_many_text = В одну выгрузку входит не более { $max } строк. Сузьте фильтры (статус, даты, экспортёр) и скачайте снова.
lists-back_to_list = Вернуться к списку
lists-tile_discrepancies =
    { $count ->
        [one] проба с открытым расхождением результатов
        [few] пробы с открытым расхождением результатов
        [many] проб с открытым расхождением результатов
       *[other] пробы с открытым расхождением результатов
    }
lists-tile_applications_waiting =
    { $count ->
        [one] заявка на испытания ждёт решения
        [few] заявки на испытания ждут решения
        [many] заявок на испытания ждут решения
       *[other] заявки на испытания ждут решения
    }
lists-tile_applications_returned =
    { $count ->
        [one] заявка на испытания возвращена на исправление
        [few] заявки на испытания возвращены на исправление
        [many] заявок на испытания возвращены на исправление
       *[other] заявки на испытания возвращены на исправление
    }
lists-only_to_receive = Только пробы, чья часть ждёт приёма на вашей стороне.
lists-only_discrepancies = Только пробы с открытым расхождением результатов лабораторий.
lists-show_all = Показать все
