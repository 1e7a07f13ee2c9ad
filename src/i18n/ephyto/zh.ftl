## ephyto: the certificate as a UN/CEFACT SPS certificate message (ePhyto XML)
ephyto-download = ePhyto 电子证书（XML）
ephyto-download_hint = 供其他检验检疫系统使用的电子证书报文（UN/CEFACT SPS 证书）。
ephyto-issuer = 中哈动植物检疫联合实验室
ephyto-issue_place = 联合实验室，霍尔果斯及多斯特克口岸
ephyto-country-kz = 哈萨克斯坦
ephyto-country-cn = 中国
ephyto-replaces = 本证书取代并注销第 { $number } 号证书。
