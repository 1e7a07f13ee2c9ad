//! Samples: registration under a consignment, the list, one sample with its custody, the
//! custody actions and the label sheet.

pub mod custody;
pub mod labels;
pub mod list;
pub mod register;
pub mod show;
