//! NATS subject names. Request-reply subjects are `mk.<domain>.<op>`; events are
//! `mk.evt.<domain>.<event>` (see docs/architecture.md). Nothing else in the code base spells a
//! subject.

use std::marker::PhantomData;

/// The name of a request-reply endpoint, whatever it carries: the service API's group and
/// endpoint name, and the full subject (`group.name`) clients send to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointName {
    /// Service-API group, e.g. `mk.auth`.
    pub group: &'static str,
    /// Endpoint name inside the group, e.g. `register`.
    pub name: &'static str,
    /// The subject a client sends requests to, e.g. `mk.auth.register`.
    pub subject: &'static str,
}

/// A request-reply endpoint and what it carries: a `Req` in, a `Resp` out. A handler served on
/// it and a call sent to it must use these types, or the code does not compile:
///
/// ```
/// use menuskart_schemas::auth::{RegisterRequest, UserView};
/// use menuskart_schemas::subjects::{Endpoint, auth};
///
/// fn serve<Req, Resp>(_: Endpoint<Req, Resp>, _: fn(Req) -> Resp) {}
/// fn register(_: RegisterRequest) -> UserView { unimplemented!() }
/// serve(auth::REGISTER, register);
/// ```
///
/// ```compile_fail
/// use menuskart_schemas::auth::{LoginRequest, UserView};
/// use menuskart_schemas::subjects::{Endpoint, auth};
///
/// fn serve<Req, Resp>(_: Endpoint<Req, Resp>, _: fn(Req) -> Resp) {}
/// fn register(_: LoginRequest) -> UserView { unimplemented!() }
/// serve(auth::REGISTER, register); // a login request is not what registering takes
/// ```
pub struct Endpoint<Req, Resp> {
    pub group: &'static str,
    pub name: &'static str,
    pub subject: &'static str,
    carries: PhantomData<fn(Req) -> Resp>,
}

impl<Req, Resp> Endpoint<Req, Resp> {
    pub const fn new(group: &'static str, name: &'static str, subject: &'static str) -> Self {
        Self {
            group,
            name,
            subject,
            carries: PhantomData,
        }
    }

    /// The endpoint without its types (lists of endpoints, logs, metrics).
    pub const fn untyped(&self) -> EndpointName {
        EndpointName {
            group: self.group,
            name: self.name,
            subject: self.subject,
        }
    }
}

// By hand: derived impls would require `Req` and `Resp` to be `Clone`, `Debug`, ...
impl<Req, Resp> Clone for Endpoint<Req, Resp> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Req, Resp> Copy for Endpoint<Req, Resp> {}

impl<Req, Resp> std::fmt::Debug for Endpoint<Req, Resp> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Endpoint").field(&self.subject).finish()
    }
}

/// A service as registered with the NATS service API (`$SRV.PING|INFO|STATS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// The name `nats micro ls` shows.
    pub name: &'static str,
    /// The subject prefix all its endpoints share.
    pub group: &'static str,
    pub description: &'static str,
}

/// Declares a service and its endpoints so that group, name, subject and the request and reply
/// types are written once: `REGISTER = "register": RegisterRequest => UserView`.
macro_rules! service {
    ($name:literal, $group:literal, $description:literal, { $($(#[$doc:meta])* $konst:ident = $endpoint:literal: $req:ty => $resp:ty),* $(,)? }) => {
        /// The service as registered with the NATS service API.
        pub const SERVICE: $crate::subjects::Service = $crate::subjects::Service {
            name: $name,
            group: $group,
            description: $description,
        };
        $(
            $(#[$doc])*
            pub const $konst: $crate::subjects::Endpoint<$req, $resp> =
                $crate::subjects::Endpoint::new($group, $endpoint, concat!($group, ".", $endpoint));
        )*
        /// Every endpoint of the service, in registration order.
        pub const ENDPOINTS: &[$crate::subjects::EndpointName] = &[$($konst.untyped()),*];
    };
}

/// Accounts, passwords and tokens (`workers/auth`).
pub mod auth {
    service!("auth", "mk.auth", "Accounts, passwords, access and refresh tokens", {
        /// Create a customer account.
        REGISTER = "register": crate::auth::RegisterRequest => crate::auth::UserView,
        /// Check a password and open a session (token pair).
        LOGIN = "login": crate::auth::LoginAttempt => crate::auth::LoginOutcome,
        /// Check an access token against its session; answers who the caller is.
        VALIDATE = "validate": crate::auth::TokenRequest => crate::auth::ValidatedToken,
        /// Rotate a refresh token into a new token pair.
        REFRESH = "refresh": crate::auth::RefreshRequest => crate::auth::TokenPair,
        /// Close the session of an access token.
        LOGOUT = "logout": crate::auth::TokenRequest => crate::Empty,
        /// The caller's own profile.
        PROFILE_GET = "profile_get": crate::Empty => crate::auth::Profile,
        /// Change the caller's own profile.
        PROFILE_UPDATE = "profile_update": crate::auth::ProfilePatch => crate::auth::Profile,
        /// Admin: list accounts.
        USERS_LIST = "users_list": crate::auth::UsersListRequest => crate::auth::UsersPage,
        /// Admin: the ids of the users who accept promotional email, a page at a time.
        MARKETING_AUDIENCE = "marketing_audience": crate::auth::AudienceRequest => crate::auth::AudiencePage,
        /// Anyone: email a password-reset link (if the account exists; the answer never says).
        PASSWORD_RESET = "password_reset": crate::auth::PasswordResetRequest => crate::Empty,
        /// Anyone with a reset link: set a new password; every session of the account ends.
        PASSWORD_RESET_CONFIRM = "password_reset_confirm": crate::auth::PasswordResetConfirm => crate::Empty,
        /// Anyone with a reset link: whether it still works (changes nothing).
        PASSWORD_RESET_CHECK = "password_reset_check": crate::auth::ResetLinkCheck => crate::auth::ResetLinkValid,
        /// Anyone with a verification link: the account's email address is verified.
        VERIFY_EMAIL = "verify_email": crate::auth::VerifyEmailRequest => crate::auth::EmailVerified,
        /// The caller: email a new verification link.
        VERIFY_EMAIL_RESEND = "verify_email_resend": crate::Empty => crate::Empty,
        /// Services only (notify, for a recipient): a user's profile by id. Authorized by NATS:
        /// the edge is not granted it.
        PROFILE_OF = "profile_of": crate::auth::UserRef => crate::auth::Profile,
        /// Services only (notify, from a signed unsubscribe link): turn a user's promotional
        /// email off. Authorized by NATS: the edge is not granted it.
        MARKETING_OPT_OUT = "marketing_opt_out": crate::auth::UserRef => crate::auth::Profile,
        /// Services only (notify, as it sends a link's email): mint the token of a pending
        /// emailed link (`AccountLink`), so that no stream ever holds it. Authorized by NATS:
        /// only notify is granted it.
        LINK_TOKEN = "link_token": crate::auth::LinkRef => crate::auth::LinkToken,
        /// Admin: set an account's roles (never one's own admin role away); logged.
        ROLES_SET = "roles_set": crate::audit::RolesUpdate => crate::auth::Profile,
        /// Admin: the email addresses of accounts by id (the actors of the audit log).
        EMAILS_OF = "emails_of": crate::audit::UserIds => crate::audit::UserEmails,
        /// Admin: the audit log's role changes, newest first.
        AUDIT = "audit": crate::audit::AuditQuery => crate::audit::AuditEntries,
    });
}

/// Products, categories and search (`workers/catalog`).
pub mod catalog {
    service!("catalog", "mk.catalog", "Products, categories and full-text search", {
        /// A page of products, filtered and sorted.
        LIST = "list": crate::catalog::ListProducts => crate::catalog::ProductPage,
        /// The attributes products have, with their values and counts (filters).
        ATTRIBUTES = "attributes": crate::Empty => crate::catalog::AttributeFacets,
        /// One product by id or slug, with its stock.
        GET = "get": crate::catalog::ProductRef => crate::catalog::Product,
        /// Full-text search combined with the listing filters.
        SEARCH = "search": crate::catalog::ListProducts => crate::catalog::ProductPage,
        /// Admin: add a product.
        CREATE = "create": crate::catalog::CreateProduct => crate::catalog::Product,
        /// Admin: replace or patch a product.
        UPDATE = "update": crate::catalog::UpdateProduct => crate::catalog::Product,
        /// Admin: remove a product.
        DELETE = "delete": crate::catalog::ProductRef => crate::Empty,
        /// The category tree.
        CATEGORIES = "categories": crate::Empty => Vec<crate::catalog::Category>,
        /// Admin: add a category.
        CATEGORY_CREATE = "category_create": crate::catalog::CategoryInput => crate::catalog::Category,
        /// Admin: remove a category no product and no sub-category uses.
        CATEGORY_DELETE = "category_delete": crate::catalog::CategoryRef => crate::Empty,
        /// Admin: rename or move a category, or set its tax rate.
        CATEGORY_UPDATE = "category_update": crate::catalog::UpdateCategory => crate::catalog::Category,
        /// Every active product's slug and every category: the shop's sitemap.
        SITEMAP = "sitemap": crate::Empty => crate::catalog::SitemapEntries,
        /// The shop's currency and how its prices are taxed.
        SHOP = "shop": crate::Empty => crate::catalog::ShopInfo,
        /// A user reviews a product (once).
        REVIEW_ADD = "review_add": crate::catalog::AddReview => crate::catalog::Review,
        /// A product's reviews.
        REVIEWS = "reviews": crate::catalog::ListReviews => crate::catalog::ReviewPage,
        /// Remove a review (an admin, or its author).
        REVIEW_DELETE = "review_delete": crate::catalog::ReviewRef => crate::Empty,
        /// Several products by id, without stock (carts price their lines with it).
        GET_MANY = "get_many": crate::catalog::ProductIds => Vec<crate::catalog::Product>,
        /// Admin: the audit log's price changes, newest first.
        AUDIT = "audit": crate::audit::AuditQuery => crate::audit::AuditEntries,
        /// Operators only: handle again the event a dead letter of one of this service's
        /// consumers points to ([`replay`]). Served by the kit; NATS grants it to ops alone.
        REPLAY = "replay": crate::dead_letters::ReplayRequest => crate::dead_letters::Replayed,
    });
}

/// Stock levels and reservations (`workers/inventory`).
pub mod inventory {
    service!("inventory", "mk.inventory", "Stock levels and all-or-nothing reservations", {
        /// Stock of one product.
        GET = "get": crate::inventory::StockQuery => crate::inventory::StockLevel,
        /// Admin: set or adjust a product's available stock.
        UPDATE = "update": crate::inventory::StockUpdate => crate::inventory::StockLevel,
        /// Reserve every line of an order, or none (idempotent per order id).
        RESERVE = "reserve": crate::inventory::ReserveRequest => crate::inventory::Reservation,
        /// Give an order's reserved stock back (payment failed, order cancelled or expired).
        RELEASE = "release": crate::inventory::ReservationRef => crate::inventory::Reservation,
        /// Turn an order's reservation into a sale (order paid).
        COMMIT = "commit": crate::inventory::ReservationRef => crate::inventory::Reservation,
        /// Admin: the audit log's stock changes, newest first.
        AUDIT = "audit": crate::audit::AuditQuery => crate::audit::AuditEntries,
    });
}

/// Carts of users and visitors (`workers/cart`).
pub mod cart {
    service!("cart", "mk.cart", "Shopping carts priced from the catalog", {
        /// The cart, priced now.
        GET = "get": crate::cart::CartRef => crate::cart::Cart,
        /// Add a product (or raise its quantity).
        ADD = "add": crate::cart::CartAdd => crate::cart::Cart,
        /// Set a line's quantity.
        SET_QUANTITY = "set_quantity": crate::cart::CartSetQuantity => crate::cart::Cart,
        /// Remove a line.
        REMOVE = "remove": crate::cart::CartRemove => crate::cart::Cart,
        /// Empty the cart.
        CLEAR = "clear": crate::cart::CartRef => crate::cart::Cart,
        /// Move a visitor's cart into the caller's (at login).
        MERGE = "merge": crate::cart::CartMerge => crate::cart::Cart,
    });
}

/// Orders and the checkout saga (`workers/orders`).
pub mod orders {
    service!("orders", "mk.orders", "Orders: placement, status and history", {
        /// The delivery methods offered (an admin may ask for the hidden ones too).
        DELIVERY_METHODS = "delivery_methods": crate::delivery::ListDeliveryMethods => crate::delivery::DeliveryMethods,
        /// Admin: offer a new delivery method.
        DELIVERY_METHOD_CREATE = "delivery_method_create": crate::delivery::DeliveryMethodInput => crate::delivery::DeliveryMethod,
        /// Admin: change a delivery method (price, threshold, name, hide it).
        DELIVERY_METHOD_UPDATE = "delivery_method_update": crate::delivery::DeliveryMethodUpdate => crate::delivery::DeliveryMethod,
        /// Admin: the audit log's delivery changes, newest first.
        AUDIT = "audit": crate::audit::AuditQuery => crate::audit::AuditEntries,
        /// Place the caller's cart as an order.
        PLACE = "place": crate::orders::PlaceOrderRequest => crate::orders::Order,
        /// One order (owner or admin).
        GET = "get": crate::orders::OrderRef => crate::orders::Order,
        /// A user's orders, newest first (that user or admin).
        BY_USER = "by_user": crate::orders::OrdersByUser => crate::orders::OrderPage,
        /// Admin: every customer's orders, by status, number, email, name or day, newest first.
        LIST = "list": crate::orders::OrdersList => crate::orders::OrderPage,
        /// Admin: the orders a query matches as spreadsheet rows, a page at a time.
        EXPORT = "export": crate::orders::OrdersExport => crate::orders::OrderExportPage,
        /// The caller bought this product (an order with it was paid): marks their review of
        /// it as a verified buyer's. Services only (the catalog, with the reviewer's token).
        PURCHASED = "purchased": crate::orders::PurchaseQuestion => crate::orders::Purchased,
        /// Admin: orders and revenue today, over 7 and 30 days, the best sellers.
        OVERVIEW = "overview": crate::Empty => crate::orders::SalesOverview,
        /// Cancel an unpaid order (owner or admin).
        CANCEL = "cancel": crate::orders::OrderRef => crate::orders::Order,
        /// Admin: move a paid order on (`fulfilled`, `shipped`).
        SET_STATUS = "set_status": crate::orders::SetStatusRequest => crate::orders::Order,
        /// Services only (notify, before a "waiting for payment" email): whether an order is
        /// unpaid with no payment under way. Authorized by NATS: the edge is not granted it.
        AWAITING_PAYMENT = "awaiting_payment": crate::orders::OrderRef => crate::orders::AwaitingPayment,
        /// Services only (notify, for the order an event is about): any order by id.
        /// Authorized by NATS: the edge is not granted it.
        LOOKUP = "lookup": crate::orders::OrderRef => crate::orders::Order,
        /// Watch one order (owner or admin): answers the order now, then sends its status
        /// changes to [`live_subject`] of the request's watch id until the lease ends (see
        /// `crate::orders::WatchRequest`). Sent again to renew the lease.
        WATCH = "watch": crate::orders::WatchRequest => crate::orders::Order,
        /// Operators only: handle again the event a dead letter of one of this service's
        /// consumers points to ([`replay`]). Served by the kit; NATS grants it to ops alone.
        REPLAY = "replay": crate::dead_letters::ReplayRequest => crate::dead_letters::Replayed,
    });

    /// Where the orders worker sends the status changes of a watched order: a subject of the
    /// watch's own, which the edge subscribes to before it asks. Only the orders worker may
    /// publish here, only the edge subscribe, and only to orders a caller was allowed to watch.
    pub fn live_subject(watch_id: crate::ids::WatchId) -> String {
        format!("{LIVE_PREFIX}.{watch_id}")
    }

    /// The prefix of every [`live_subject`].
    pub const LIVE_PREFIX: &str = "mk.live.orders";

    /// Every [`live_subject`] (the NATS grants name it).
    pub const LIVE_SUBJECTS: &str = "mk.live.orders.>";
}

/// Payments through a provider (`workers/payments`).
pub mod payments {
    service!("payments", "mk.payments", "Payments, refunds and provider webhooks", {
        /// Charge an order's frozen total with a provider token.
        CHARGE = "charge": crate::payments::ChargeRequest => crate::payments::Payment,
        /// One payment (owner or admin).
        GET = "get": crate::payments::PaymentRef => crate::payments::Payment,
        /// An order's payments, newest first (owner or admin).
        BY_ORDER = "by_order": crate::payments::PaymentsOfOrder => crate::payments::PaymentList,
        /// Admin: refund all or part of a payment.
        REFUND = "refund": crate::payments::RefundRequest => crate::payments::Payment,
        /// A provider's signed webhook.
        WEBHOOK = "webhook": crate::payments::WebhookDelivery => crate::Empty,
        /// Admin: the audit log's refunds, newest first.
        AUDIT = "audit": crate::audit::AuditQuery => crate::audit::AuditEntries,
        /// Operators only: handle again the event a dead letter of one of this service's
        /// consumers points to ([`replay`]). Served by the kit; NATS grants it to ops alone.
        REPLAY = "replay": crate::dead_letters::ReplayRequest => crate::dead_letters::Replayed,
    });
}

/// Notifications (`workers/notify`): order and payment mail arrives as events; promotional
/// campaigns and unsubscribing are requests.
pub mod notify {
    service!("notify", "mk.notify", "Order, payment and promotional emails", {
        /// Admin: send a promotional email to every opted-in user.
        CAMPAIGN_CREATE = "campaign_create": crate::notify::CreateCampaign => crate::notify::CampaignAccepted,
        /// Admin: a campaign and its progress.
        CAMPAIGN_GET = "campaign_get": crate::notify::CampaignRef => crate::notify::Campaign,
        /// Anyone with a signed unsubscribe link: opt its user out of promotions.
        UNSUBSCRIBE = "unsubscribe": crate::notify::UnsubscribeRequest => crate::notify::Unsubscribed,
        /// Operators only: handle again the event a dead letter of one of this service's
        /// consumers points to ([`replay`]). Served by the kit; NATS grants it to ops alone.
        REPLAY = "replay": crate::dead_letters::ReplayRequest => crate::dead_letters::Replayed,
    });
}

/// The JetStream keeper (`mk-jetstream`): the one component that may create streams and
/// durable consumers. Each component that uses JetStream asks it, on an endpoint of its own (so
/// the keeper knows who asks from the subject, which NATS grants to that component alone), for
/// the streams and consumers `crate::components` declares for it; the keeper builds each
/// configuration itself (pull consumers only: a push consumer's delivery subject is not checked
/// by the server and could deliver anywhere).
pub mod jetstream {
    service!("jetstream", "mk.jetstream", "Streams and durable consumers, made as each component declares them", {
        AUTH = "auth": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
        CATALOG = "catalog": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
        INVENTORY = "inventory": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
        ORDERS = "orders": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
        PAYMENTS = "payments": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
        NOTIFY = "notify": crate::jetstream::EnsureRequest => crate::jetstream::Ensured,
    });
}

/// JetStream streams and event subjects (`mk.evt.<domain>.<event>`).
///
/// Each subject carries one payload type ([`events::EventSubject`]), so publishing another
/// payload on it does not compile; and each stream's events are one enum (`orders::Event`,
/// ...), decoded by subject, which is what a consumer of the stream receives.
pub mod events {
    use std::marker::PhantomData;

    /// A JetStream stream: its name, the subjects it stores, how long it keeps a message, and
    /// how much it may hold.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Stream {
        pub name: &'static str,
        pub subjects: &'static str,
        /// `Duration::ZERO`: for good (events are the shop's history).
        pub max_age: std::time::Duration,
        /// Its share of the server's storage: a flood through one component's key fills its
        /// own stream, never the server (every stream's JetStream writes would fail). What
        /// happens when it is full is [`Stream::keeps_history`]'s to say.
        pub max_bytes: i64,
        /// Full, it refuses new messages (history is never dropped to make room; its publisher
        /// retries until an operator gives it more room) instead of dropping the oldest.
        pub keeps_history: bool,
    }

    /// The largest event a stream takes: every event is a small JSON document.
    pub const MAX_EVENT_BYTES: i32 = 64 * 1024;
    const MIB: i64 = 1024 * 1024;

    /// Kept for good.
    pub const FOREVER: std::time::Duration = std::time::Duration::ZERO;

    /// An event's subject and the payload it carries.
    pub struct EventSubject<T> {
        pub subject: &'static str,
        carries: PhantomData<fn() -> T>,
    }

    impl<T> EventSubject<T> {
        pub const fn new(subject: &'static str) -> Self {
            Self {
                subject,
                carries: PhantomData,
            }
        }

        /// The event's own name, the subject's last part (`paid`).
        pub fn name(&self) -> &'static str {
            self.subject.rsplit('.').next().unwrap_or(self.subject)
        }
    }

    // By hand: derived impls would require `T: Clone`, ...
    impl<T> Clone for EventSubject<T> {
        fn clone(&self) -> Self {
            *self
        }
    }

    impl<T> Copy for EventSubject<T> {}

    impl<T> std::fmt::Debug for EventSubject<T> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.subject)
        }
    }

    /// A stream's events as one type, decoded by subject.
    pub trait StreamEvent: Sized {
        /// `Ok(None)`: a subject this version does not know (a newer publisher's event).
        fn decode(subject: &str, payload: &[u8]) -> Result<Option<Self>, serde_json::Error>;
    }

    /// Declares a stream's event subjects with their payloads, and its `Event` enum:
    /// `PAID = "mk.evt.orders.paid": OrderEvent => Paid`.
    macro_rules! events {
        ($($(#[$doc:meta])* $konst:ident = $subject:literal: $payload:ty => $variant:ident),* $(,)?) => {
            $(
                $(#[$doc])*
                pub const $konst: super::EventSubject<$payload> = super::EventSubject::new($subject);
            )*

            /// An event of this stream, as a consumer receives it.
            #[derive(Debug, Clone)]
            pub enum Event {
                $($(#[$doc])* $variant($payload),)*
            }

            impl super::StreamEvent for Event {
                fn decode(subject: &str, payload: &[u8]) -> Result<Option<Self>, serde_json::Error> {
                    $(
                        if subject == $subject {
                            return serde_json::from_slice(payload).map(|p| Some(Self::$variant(p)));
                        }
                    )*
                    Ok(None)
                }
            }
        };
    }

    pub mod auth {
        use super::Stream;

        pub const STREAM: Stream = Stream {
            name: "AUTH",
            subjects: "mk.evt.auth.>",
            // The events carry single-use links that expire within days: nothing to keep.
            max_age: std::time::Duration::from_secs(3 * 24 * 3600),
            max_bytes: 256 * super::MIB,
            keeps_history: false,
        };
        events! {
            /// Email a password-reset link.
            PASSWORD_RESET_REQUESTED = "mk.evt.auth.password_reset_requested": crate::auth::AccountLink => PasswordResetRequested,
            /// Email a link that verifies the account's address.
            EMAIL_VERIFICATION_REQUESTED = "mk.evt.auth.email_verification_requested": crate::auth::AccountLink => EmailVerificationRequested,
        }
    }

    pub mod inventory {
        use super::Stream;

        pub const STREAM: Stream = Stream {
            name: "INVENTORY",
            subjects: "mk.evt.inventory.>",
            max_age: super::FOREVER,
            max_bytes: 512 * super::MIB,
            keeps_history: true,
        };
        events! {
            /// An order's lines were reserved.
            RESERVED = "mk.evt.inventory.reserved": crate::inventory::Reservation => Reserved,
            /// An order's reservation was given back.
            RELEASED = "mk.evt.inventory.released": crate::inventory::Reservation => Released,
            /// An order's reservation became a sale.
            COMMITTED = "mk.evt.inventory.committed": crate::inventory::Reservation => Committed,
            /// A product's available stock fell to the threshold or below.
            LOW_STOCK = "mk.evt.inventory.low_stock": crate::inventory::StockEvent => LowStock,
            /// A product's stock level changed.
            STOCK_CHANGED = "mk.evt.inventory.stock_changed": crate::inventory::StockEvent => StockChanged,
        }
    }

    pub mod orders {
        use super::Stream;

        pub const STREAM: Stream = Stream {
            name: "ORDERS",
            subjects: "mk.evt.orders.>",
            max_age: super::FOREVER,
            max_bytes: 1024 * super::MIB,
            keeps_history: true,
        };
        events! {
            PLACED = "mk.evt.orders.placed": crate::orders::OrderEvent => Placed,
            PAID = "mk.evt.orders.paid": crate::orders::OrderEvent => Paid,
            FULFILLED = "mk.evt.orders.fulfilled": crate::orders::OrderEvent => Fulfilled,
            SHIPPED = "mk.evt.orders.shipped": crate::orders::OrderEvent => Shipped,
            CANCELLED = "mk.evt.orders.cancelled": crate::orders::OrderEvent => Cancelled,
        }

        /// Each status change again, with the same payload, on a subject of the order's own, so
        /// a live view (the edge's SSE) consumes only that order's changes, filtered by the
        /// server. Consumers of the whole stream skip these: no variant of [`Event`] decodes them.
        pub fn status_subject(order_id: crate::ids::OrderId) -> String {
            format!("mk.evt.orders.status.{order_id}")
        }

        /// Every order's [`status_subject`].
        pub const STATUS_SUBJECTS: &str = "mk.evt.orders.status.*";
    }

    pub mod payments {
        use super::Stream;

        pub const STREAM: Stream = Stream {
            name: "PAYMENTS",
            subjects: "mk.evt.payments.>",
            max_age: super::FOREVER,
            max_bytes: 512 * super::MIB,
            keeps_history: true,
        };
        events! {
            /// A payment of the order went to the provider; `succeeded` or `failed` follows
            /// (after a bank's confirmation, maybe days later). The order service keeps such an
            /// order from expiring meanwhile.
            STARTED = "mk.evt.payments.started": crate::payments::PaymentEvent => Started,
            SUCCEEDED = "mk.evt.payments.succeeded": crate::payments::PaymentEvent => Succeeded,
            FAILED = "mk.evt.payments.failed": crate::payments::PaymentEvent => Failed,
            REFUNDED = "mk.evt.payments.refunded": crate::payments::PaymentEvent => Refunded,
        }
    }

    pub mod notify {
        use super::Stream;

        pub const STREAM: Stream = Stream {
            name: "NOTIFY",
            subjects: "mk.evt.notify.>",
            // Work, not history: a campaign's messages are sent within hours; what happened
            // is in the notification records.
            max_age: std::time::Duration::from_secs(7 * 24 * 3600),
            max_bytes: 512 * super::MIB,
            keeps_history: false,
        };
        events! {
            /// One promotional email to one user.
            CAMPAIGN_MESSAGE = "mk.evt.notify.campaign_message": crate::notify::CampaignMessage => CampaignMessage,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::StreamEvent;

        #[test]
        fn a_streams_events_decode_by_subject_and_unknown_ones_are_skipped() {
            let payload = br#"{"product_id":"p1","available":3,"reserved":1}"#;
            let event =
                super::inventory::Event::decode(super::inventory::STOCK_CHANGED.subject, payload)
                    .expect("decodes");
            assert!(
                matches!(event, Some(super::inventory::Event::StockChanged(ref e)) if e.available == 3),
                "{event:?}"
            );
            assert!(
                super::inventory::Event::decode("mk.evt.inventory.restocked", payload)
                    .expect("an unknown subject is no error")
                    .is_none()
            );
            assert!(
                super::inventory::Event::decode(super::inventory::RESERVED.subject, payload)
                    .is_err()
            );
            assert_eq!(super::orders::PAID.name(), "paid");
        }
    }
}

/// Replaying dead letters. Every service that consumes events has a `replay` endpoint in its
/// own group (the kit serves it beside the service's endpoints); NATS grants them to the
/// operators alone. A durable consumer's name starts with its service's name and a dash
/// (`orders-payments`), which the kit checks when a worker starts, so a dead letter's consumer
/// names the one service that may replay it.
pub mod replay {
    use super::EndpointName;

    /// The `replay` endpoint of every service that consumes events.
    pub const ENDPOINTS: &[EndpointName] = &[
        super::catalog::REPLAY.untyped(),
        super::orders::REPLAY.untyped(),
        super::payments::REPLAY.untyped(),
        super::notify::REPLAY.untyped(),
    ];

    /// The `replay` endpoint in `group` (`mk.orders`), if that service has one.
    pub fn in_group(group: &str) -> Option<EndpointName> {
        ENDPOINTS.iter().find(|e| e.group == group).copied()
    }

    /// The `replay` endpoint of the service that owns durable consumer `durable`.
    pub fn of_consumer(durable: &str) -> Option<EndpointName> {
        let (service, _) = durable.split_once('-')?;
        ENDPOINTS
            .iter()
            .find(|e| e.group.strip_prefix("mk.") == Some(service))
            .copied()
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_consumer_is_replayed_by_the_service_its_name_starts_with() {
            assert_eq!(
                super::of_consumer("orders-payments").map(|e| e.subject),
                Some("mk.orders.replay")
            );
            assert_eq!(
                super::of_consumer("notify-accounts").map(|e| e.subject),
                Some("mk.notify.replay")
            );
            assert_eq!(super::of_consumer("ordersx-payments"), None);
            assert_eq!(super::of_consumer("orders"), None);
            assert_eq!(
                super::in_group("mk.catalog").map(|e| e.subject),
                Some("mk.catalog.replay")
            );
            assert_eq!(super::in_group("mk.auth"), None);
        }
    }
}

/// The NATS service API's discovery subjects (what `nats micro ls|info|stats` send).
pub mod service_api {
    pub const PING: &str = "$SRV.PING";
    pub const INFO: &str = "$SRV.INFO";
    pub const STATS: &str = "$SRV.STATS";
}

#[cfg(test)]
mod tests {
    #[test]
    fn subjects_are_group_dot_name() {
        for endpoint in super::auth::ENDPOINTS
            .iter()
            .chain(super::inventory::ENDPOINTS)
            .chain(super::catalog::ENDPOINTS)
            .chain(super::cart::ENDPOINTS)
            .chain(super::orders::ENDPOINTS)
            .chain(super::payments::ENDPOINTS)
            .chain(super::notify::ENDPOINTS)
        {
            assert_eq!(
                endpoint.subject,
                format!("{}.{}", endpoint.group, endpoint.name)
            );
            assert!(endpoint.subject.starts_with("mk."));
        }
        assert_eq!(super::auth::REGISTER.subject, "mk.auth.register");
    }
}
