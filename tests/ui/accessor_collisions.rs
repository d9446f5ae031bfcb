// Each accessor below would clash with a method or constant the generated
// type has (rustc's E0592 in the generated code): each is an error at its
// own name, all reported at once.
status_table::status_table!(
    "tests/documents/corpus/readme-pipe-tables/grpc_http-grpc-status-mapping.md",
    accessor(position = "gRPC Status Code"),
    accessor(description_in = "gRPC Status Code", section_in = "gRPC Status Code"),
    accessor(ALL = "gRPC Status Code"),
    accessor(grpc = "gRPC Status Code"),
    accessor(grpc = "gRPC Status Code"),
);

fn main() {}
