//! Every option together, and the bare form beside it in another module.
#![deny(warnings, missing_docs)]

mod bare {
    status_table::status_table!("tables/evs_04_0039.md");
}

mod custom {
    status_table::status_table!(
        "tables/evs_04_0039.md",
        name = EvsStatus,
        vis = pub(crate),
        attr(allow(clippy::enum_variant_names)),
        non_exhaustive,
        rename(413 = PayloadTooLarge, 415 = UnsupportedMediaType),
        section = "异常",
        code_column = "错误码状态",
        description_column = "描述",
        doc = "The abnormal codes of the EVS API.",
    );
}

fn main() {
    use custom::EvsStatus;
    assert_eq!(EvsStatus::PayloadTooLarge.code(), 413);
    assert_eq!(
        EvsStatus::UnsupportedMediaType.description(),
        "badMediaType"
    );
    assert_eq!(EvsStatus::ALL.len(), 16);
    assert_eq!(EvsStatus::from_code(200), None);
    assert_eq!(bare::StatusCode::ALL.len(), 20);
    let _: custom::UnknownEvsStatus = EvsStatus::try_from(200).unwrap_err();
}
