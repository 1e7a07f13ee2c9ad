## A phone at the post: the menu behind one button, the list filters folded away.

phone-menu = Menu
phone-filters = Filters
phone-filters_active = Filters (in use)
