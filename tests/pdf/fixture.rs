//! A realistic phytosanitary certificate for the renderer's tests and benchmark: Chinese,
//! Russian and Kazakh text (all nine Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І), a results table, three
//! declarations, two signatures and a QR code.

use jointlab::pdf::{Bilingual, Block, Document, QrBlock, Signer};

pub const URL: &str = "https://lab.example.kz/v/eyJhbGciOiJFZERTQSIsImtpZCI6ImsyMDI2MDEiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJqb2ludGxhYiIsIm4iOiJLWi1DTi0yMDI2LTAwMDQyIiwiaCI6IjVmM2E5YzBkIn0.Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXhmb29iYXJiYXo";

fn b(zh: &str, ru: &str) -> Bilingual {
    Bilingual::new(zh, ru)
}

fn result_row(n: usize) -> Vec<String> {
    let rows = [
        (
            "小麦腥黑穗病菌\nTilletia indica",
            "PCR",
            "未检出\nне обнаружено",
        ),
        (
            "小麦矮腥黑穗病菌\nTilletia controversa",
            "PCR",
            "未检出\nне обнаружено",
        ),
        (
            "谷斑皮蠹\nTrogoderma granarium",
            "目检 / осмотр",
            "未检出\nне обнаружено",
        ),
        (
            "毒麦\nLolium temulentum",
            "种子检验",
            "未检出\nне обнаружено",
        ),
        ("黄曲霉毒素 B1\nафлатоксин B1", "HPLC", "< 1.0\nµg/kg"),
        ("呕吐毒素\nдезоксиниваленол", "ELISA", "320\nµg/kg"),
        ("水分\nвлажность", "ГОСТ 13586.5", "12.8 %"),
        ("杂质\nсорная примесь", "ГОСТ 30483", "0.6 %"),
    ];
    let (what, method, result) = rows[n % rows.len()];
    let side = if n.is_multiple_of(2) {
        "哈方\nҚазақстан"
    } else {
        "中方\nҚытай"
    };
    vec![
        format!("KZ-KHR-26-{:05}-{}", 412 + n / 3, n % 3 + 1),
        side.to_owned(),
        what.to_owned(),
        format!("{method}\nGB/T 18085"),
        result.to_owned(),
        "不得检出\nне допускается".to_owned(),
        "符合\nсоответствует".to_owned(),
    ]
}

/// The fixture with `results` rows in its table (up to 6 fit on one page) and `declarations`.
pub fn certificate_with(results: usize, declarations: usize) -> Document {
    let particulars = vec![
        (
            b("出口商", "Экспортёр"),
            "«Алтын Дала» ЖШС / ТОО «Алтын Дала», БСН 180440012345\nҚазақстан, Алматы облысы, Жаркент қ., Әуезов к-сі 17".to_owned(),
        ),
        (b("收货人", "Получатель"), "新疆丰收粮油贸易有限公司，霍尔果斯市友谊路 88 号".to_owned()),
        (b("货物", "Товар"), "小麦 / пшеница мягкая (Triticum aestivum), HS 1001 99 000 0".to_owned()),
        (b("数量", "Количество"), "1 250 000 kg / кг".to_owned()),
        (b("批次", "Партии"), "ҚДҒ-0412, ҚДҒ-0413, ҚДҒ-0414".to_owned()),
        (
            b("运输方式及详情", "Вид и данные транспорта"),
            "铁路 / железная дорога, вагоны 24581237, 24581245, 24581252".to_owned(),
        ),
        (
            b("产地", "Происхождение"),
            "Алматы облысы, Панфилов ауданы\nӨндіруші: «Үлкен Һарман» ш/қ, ЖАҢАТАЛАП а., Іле өңірі, Ұзынағаш".to_owned(),
        ),
        (b("口岸", "Пункт пропуска"), "霍尔果斯 / Қорғас (KZ-KHR)".to_owned()),
        (b("目的地", "Назначение"), "中华人民共和国\nКитайская Народная Республика".to_owned()),
    ];
    let declarations_text = [
        b(
            "兹证明上述植物产品已按照规定程序进行检验，未发现输入国规定的检疫性有害生物。",
            "Растительная продукция, описанная выше, проверена по установленным процедурам; карантинные вредные организмы импортирующей стороны не обнаружены.",
        ),
        b(
            "检测由哈中联合实验室哈方与中方分别独立完成，结果一致。",
            "Испытания выполнены казахстанской и китайской сторонами совместной лаборатории независимо друг от друга; результаты совпадают.",
        ),
        b(
            "本证书经双方电子签名，可通过二维码或下列网址核验。",
            "Сертификат подписан электронными подписями обеих сторон; подлинность проверяется по QR-коду или по адресу ниже.",
        ),
    ];
    Document {
        title: b("植物检疫证书", "Фитосанитарный сертификат"),
        subtitle: vec![
            "中哈边境植物检疫与兽医联合实验室（霍尔果斯）".to_owned(),
            "Совместная казахстанско-китайская фитосанитарная лаборатория (Қорғас)".to_owned(),
        ],
        number: "KZ-CN-2026-00042".to_owned(),
        stamp: None,
        blocks: vec![
            Block::Fields {
                heading: b("货物详情", "Сведения о грузе"),
                rows: particulars,
            },
            Block::Table {
                heading: b("检测结果", "Результаты испытаний"),
                columns: vec![
                    b("样品编号", "Код пробы"),
                    b("检测方", "Сторона"),
                    b("检测项目", "Показатель"),
                    b("方法 / 标准", "Метод / стандарт"),
                    b("结果", "Результат"),
                    b("限量", "Норма"),
                    b("判定", "Заключение"),
                ],
                rows: (0..results).map(result_row).collect(),
                widths: vec![2.3, 1.3, 3.2, 1.9, 1.6, 1.6, 1.5],
            },
            Block::Paragraphs {
                heading: b("声明", "Декларации"),
                items: (0..declarations)
                    .map(|i| declarations_text[i % declarations_text.len()].clone())
                    .collect(),
            },
            Block::Signatures {
                heading: b("签字", "Подписи"),
                signers: vec![
                    Signer {
                        meaning: b("签发", "Выдал"),
                        name: "Әлия Нұрғалиқызы Сейітқали".to_owned(),
                        side: b("哈方", "Казахстанская сторона"),
                        signed_at: vec![
                            "2026-04-18 09:40 UTC".to_owned(),
                            "2026-04-18 14:40 (Asia/Almaty)".to_owned(),
                        ],
                    },
                    Signer {
                        meaning: b("会签", "Скрепил"),
                        name: "王建国 / Ван Цзяньго".to_owned(),
                        side: b("中方", "Китайская сторона"),
                        signed_at: vec![
                            "2026-04-18 09:42 UTC".to_owned(),
                            "2026-04-18 17:42 (Asia/Shanghai)".to_owned(),
                        ],
                    },
                ],
            },
        ],
        qr: Some(QrBlock {
            url: URL.to_owned(),
            caption: vec![
                "核验 / Проверка: https://lab.example.kz/verify".to_owned(),
                "核验码 / Код проверки: 7KQ4-M2XH".to_owned(),
            ],
        }),
        footer: vec![
            "中哈联合实验室 · Совместная казахстанско-китайская лаборатория · Қорғас / 霍尔果斯"
                .to_owned(),
            "https://lab.example.kz/verify/KZ-CN-2026-00042?code=7KQ4-M2XH".to_owned(),
        ],
    }
}

/// The one-page certificate: 9 particulars, 6 results, 3 declarations, 2 signatures, QR.
pub fn certificate() -> Document {
    certificate_with(6, 3)
}

/// A certificate long enough for three pages.
pub fn three_pages() -> Document {
    let mut doc = certificate_with(40, 6);
    doc.stamp = Some(b("已撤销", "ОТОЗВАН"));
    doc
}
