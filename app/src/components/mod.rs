//! Small pieces shared by pages, named for what the user sees.

#[cfg(feature = "hydrate")]
pub mod autosave;
pub mod deadline_notice;
pub mod error_page;
pub mod form;
pub mod islands;
pub mod kommun_list;
pub mod layout;
pub mod loaded;
pub mod scrolling_table;
pub mod text_as_written;
#[cfg(feature = "hydrate")]
pub mod unsent;
