//! The notification service's request endpoints (its order and payment mail arrives as events).

pub mod campaign_create;
pub mod campaign_get;
pub mod unsubscribe;
