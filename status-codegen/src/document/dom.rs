//! The tree the reader walks: html5ever parses the HTML as a browser does, and
//! the sink here builds an `ego_tree::Tree` of what the reader looks at:
//! elements (name and attributes) and text. Every other node (the document,
//! doctype, comments, a template's contents) is kept as a node with nothing in
//! it, so that siblings and ancestors are what the parser made them.
//!
//! The parse is html5ever's `parse_document` with its default options
//! (scripting on, no quirks mode forced, no `iframe srcdoc`), and the tree has
//! the shape scraper 0.29 gave it, which the engine used before: a template's
//! contents are the template element's first child, adjacent text is merged,
//! and no `annotation-xml` element is an HTML integration point.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use ego_tree::{NodeId, NodeMut, NodeRef, Tree};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ParseOpts, QualName, expanded_name, local_name, ns};

use super::render::OFFSET_ATTRIBUTE;

/// A node of the parsed tree.
#[derive(Debug)]
pub enum Node {
    /// The root.
    Document,
    /// `<!DOCTYPE …>`.
    Doctype,
    /// A comment (and a processing instruction, which HTML parsing never makes).
    Comment,
    /// The contents of a `<template>`: the first child of its element.
    TemplateContents,
    /// Text, entities decoded; never two text nodes side by side.
    Text(StrTendril),
    /// An element.
    Element(Element),
}

impl Node {
    /// The element this node is, if it is one.
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            Node::Element(element) => Some(element),
            _ => None,
        }
    }
}

/// An element: its name and the attributes the reader reads.
#[derive(Debug)]
pub struct Element {
    name: QualName,
    attributes: Vec<Attribute>,
}

/// The attributes the reader reads (`tree`): the only ones kept. A page's
/// `class`, `style` or `href` on every element, kept, cost more memory than
/// its text.
const READ_ATTRIBUTES: &[&str] = &[OFFSET_ATTRIBUTE, "data-pad", "rowspan", "colspan"];

/// Whether the reader reads `attribute`.
fn is_read(attribute: &Attribute) -> bool {
    attribute.name.ns == ns!()
        && attribute.name.prefix.is_none()
        && READ_ATTRIBUTES.contains(&&*attribute.name.local)
}

/// The attributes of `attributes` the reader reads, in a vector of their
/// exact size (html5ever's grows as the tag is scanned).
fn read_attributes(attributes: Vec<Attribute>) -> Vec<Attribute> {
    let mut kept = Vec::with_capacity(attributes.iter().filter(|a| is_read(a)).count());
    kept.extend(attributes.into_iter().filter(is_read));
    kept
}

impl Element {
    /// The local name (`td`; `svg`'s `title` is `title` too).
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of the attribute `name` (in no namespace), if present and
    /// one the reader reads (`data-at`, `data-pad`, `rowspan`, `colspan`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name.ns == ns!() && a.name.prefix.is_none() && &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// The element children of `node`.
pub(crate) fn child_elements(
    node: NodeRef<'_, Node>,
) -> impl Iterator<Item = (NodeRef<'_, Node>, &Element)> {
    node.children()
        .filter_map(|child| Some((child, child.value().as_element()?)))
}

/// Parses `html` as a whole document, as a browser would.
pub fn parse(html: &str) -> Tree<Node> {
    // About one node per `<` (an element per tag pair, a text between
    // tags): made room for at once, the tree is not copied to twice its size
    // as it grows, which at its largest held three times its nodes.
    let nodes = memchr::memchr_iter(b'<', html.as_bytes()).count() + 8;
    let sink = Sink(RefCell::new(Tree::with_capacity(Node::Document, nodes)));
    html5ever::parse_document(sink, ParseOpts::default()).one(html)
}

/// Builds the tree as html5ever asks. A handle is the node's id in the tree.
struct Sink(RefCell<Tree<Node>>);

impl Sink {
    fn node(&self, id: NodeId) -> Ref<'_, Node> {
        Ref::map(self.0.borrow(), |tree| {
            tree.get(id).expect("a node of this tree").value()
        })
    }

    fn orphan(&self, node: Node) -> NodeId {
        self.0.borrow_mut().orphan(node).id()
    }
}

/// Appends `text` to `node` if that is a text node; false if it is not.
fn merged(node: Option<NodeMut<'_, Node>>, text: &StrTendril) -> bool {
    match node {
        Some(mut node) => match node.value() {
            Node::Text(existing) => {
                existing.push_tendril(text);
                true
            }
            _ => false,
        },
        None => false,
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree<Node>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree<Node> {
        self.0.into_inner()
    }

    // A browser shows what it recovered; so does the reader.
    fn parse_error(&self, _message: Cow<'static, str>) {}

    // The tree builder keeps the mode it needs itself.
    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> NodeId {
        self.0.borrow().root().id()
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.node(*target), |node| match node {
            Node::Element(element) => &element.name,
            _ => unreachable!("html5ever asks only for the name of an element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let template = name.expanded() == expanded_name!(html "template");
        let mut tree = self.0.borrow_mut();
        let mut element = tree.orphan(Node::Element(Element {
            name,
            attributes: read_attributes(attrs),
        }));
        if template {
            element.append(Node::TemplateContents);
        }
        element.id()
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.orphan(Node::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.orphan(Node::Comment)
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        self.0.borrow_mut().root_mut().append(Node::Doctype);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let tree = self.0.borrow();
        let template = tree.get(*target).expect("a node of this tree");
        template.first_child().expect("a template's contents").id()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        let mut parent = tree.get_mut(*parent).expect("a node of this tree");
        match child {
            NodeOrText::AppendNode(id) => {
                parent.append_id(id);
            }
            NodeOrText::AppendText(text) => {
                if !merged(parent.last_child(), &text) {
                    parent.append(Node::Text(text));
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            tree.get_mut(id).expect("a node of this tree").detach();
        }
        let mut sibling = tree.get_mut(*sibling).expect("a node of this tree");
        if sibling.parent().is_none() {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => {
                sibling.insert_id_before(id);
            }
            NodeOrText::AppendText(text) => {
                if !merged(sibling.prev_sibling(), &text) {
                    sibling.insert_before(Node::Text(text));
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = {
            let tree = self.0.borrow();
            let element = tree.get(*element).expect("a node of this tree");
            element.parent().is_some()
        };
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        let mut node = tree.get_mut(*target).expect("a node of this tree");
        let Node::Element(element) = node.value() else {
            unreachable!("html5ever adds attributes only to an element")
        };
        for attribute in read_attributes(attrs) {
            if !element.attributes.iter().any(|a| a.name == attribute.name) {
                element.attributes.push(attribute);
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        let mut tree = self.0.borrow_mut();
        tree.get_mut(*target).expect("a node of this tree").detach();
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut tree = self.0.borrow_mut();
        let mut new_parent = tree.get_mut(*new_parent).expect("a node of this tree");
        new_parent.reparent_from_id_append(*node);
    }
}
