//! Two languages in one type: a document per language (`lang`, `translation`),
//! or a column per language in one document. Expected values are typed from
//! the documents: the seed `tables/evs_04_0039.md` (Chinese) and its English
//! twin `tables/evs_04_0039.en.md`, and the fixtures in
//! `tests/documents/fixtures/translations/`.

use status_core::evs::StatusCode;

/// (variant, section in the seed, section in the twin, description in both).
const EVS: &[(StatusCode, &str, &str, &str)] = &[
    (StatusCode::Ok, "正常", "Normal", "OK"),
    (StatusCode::NoContent, "正常", "Normal", "No Content"),
    (StatusCode::BadRequest, "异常", "Abnormal", "Bad Request"),
    (StatusCode::OverLimit, "异常", "Abnormal", "overLimit"),
    (StatusCode::BadMediaType, "异常", "Abnormal", "badMediaType"),
    (
        StatusCode::GatewayTimeout,
        "异常",
        "Abnormal",
        "Gateway Timeout",
    ),
];

#[test]
fn the_seed_answers_in_chinese_and_english() {
    assert_eq!(StatusCode::LANGS, ["zh", "en"]);
    for &(status, zh, en, description) in EVS {
        assert_eq!(status.section(), zh, "the primary language by default");
        assert_eq!(status.section_in("zh"), Some(zh));
        assert_eq!(status.section_in("en"), Some(en));
        assert_eq!(status.description_in("zh"), Some(description));
        assert_eq!(status.description_in("en"), Some(description));
        assert_eq!(status.section_in("fr"), None);
    }
    // Display stays in the primary language.
    assert_eq!(StatusCode::OverLimit.to_string(), "413 overLimit");
}

#[test]
fn every_variant_of_the_seed_has_both_languages() {
    for status in StatusCode::ALL {
        for lang in StatusCode::LANGS {
            assert!(
                status.section_in(lang).is_some_and(|s| !s.is_empty()),
                "{status:?} {lang}"
            );
            assert!(
                status.description_in(lang).is_some_and(|s| !s.is_empty()),
                "{status:?} {lang}"
            );
        }
    }
}

mod orders {
    status_table::status_table!(
        "tests/documents/fixtures/translations/orders.zh.md",
        name = OrderStatus,
        lang = "zh",
        translation(en = "tests/documents/fixtures/translations/orders.en.md"),
    );
}

#[test]
fn a_translated_document_gives_every_text_in_both_languages() {
    use orders::OrderStatus;
    // Names come from the primary document only: Chinese text gives none.
    assert_eq!(
        OrderStatus::ALL,
        [
            OrderStatus::Ok,
            OrderStatus::Created,
            OrderStatus::NotFound,
            OrderStatus::Conflict
        ]
    );
    assert_eq!(OrderStatus::Created.description(), "订单已创建");
    assert_eq!(
        OrderStatus::Created.description_in("en"),
        Some("Order created")
    );
    assert_eq!(
        OrderStatus::Conflict.description_in("zh"),
        Some("订单状态冲突")
    );
    assert_eq!(
        OrderStatus::Conflict.description_in("en"),
        Some("Order state conflict")
    );
    assert_eq!(OrderStatus::NotFound.section_in("en"), Some("Abnormal"));
    assert_eq!(OrderStatus::NotFound.section(), "异常");
    assert_eq!(OrderStatus::Ok.to_string(), "200 请求成功");
}

mod orders_fallback {
    status_table::status_table!(
        "tests/documents/fixtures/translations/orders.zh.md",
        name = OrderStatus,
        lang = "zh",
        translation(en = "tests/documents/fixtures/translations/orders.partial.en.md"),
        fallback,
    );
}

#[test]
fn fallback_fills_a_missing_translation_with_the_primary_text() {
    use orders_fallback::OrderStatus;
    assert_eq!(
        OrderStatus::Created.description_in("en"),
        Some("订单已创建")
    );
    assert_eq!(
        OrderStatus::Ok.description_in("en"),
        Some("Request succeeded")
    );
}

mod columns {
    status_table::status_table!(
        "tests/documents/fixtures/translations/errors.two-languages.md",
        name = OrderError,
        lang = "zh",
        fallback,
    );
}

#[test]
fn a_column_per_language_gives_both_languages() {
    use columns::OrderError;
    assert_eq!(OrderError::LANGS, ["zh", "en"]);
    assert_eq!(OrderError::Ord0001.description(), "订单ID无效。");
    assert_eq!(
        OrderError::Ord0001.description_in("en"),
        Some("Invalid order ID.")
    );
    assert_eq!(OrderError::Ord0002.http_status(), 404);
    // The English cell of ORD.0003 is empty: `fallback` gives the Chinese text.
    assert_eq!(
        OrderError::Ord0003.description_in("en"),
        Some("订单已支付。")
    );
    assert_eq!(OrderError::Ord0003.description(), "订单已支付。");
}
