//! Samples: registration under a consignment, the list, one sample with its custody, the
//! custody actions, the label sheet and the resolution of discrepancies between the labs.

pub mod custody;
pub mod export;
pub mod labels;
pub mod list;
pub mod register;
pub mod resolve;
pub mod show;
