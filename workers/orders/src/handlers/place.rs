//! `mk.orders.place`: the checkout saga.
//!
//! 1. Freeze the caller's cart (priced now) as a `placing` order with its lines, the delivery
//!    method chosen (priced now, taxed at the shop's standard rate) and the customer's email
//!    address (asked of the auth service alongside the cart).
//! 2. Reserve every line in the inventory, all or nothing (idempotent per order id). Not enough
//!    stock: the placement is deleted and the client gets 409; nothing is held for it.
//! 3. One transaction: `pending_payment` + history + `placed` event in the outbox.
//! 4. Empty the cart.
//!
//! With an `Idempotency-Key` the order id is derived from it, so a retry (even a concurrent one)
//! lands on the same order: a placed order is answered as it is, a `placing` one is resumed at
//! step 2. A process that dies between 1 and 3 leaves a `placing` order that a retry resumes or
//! the sweeper releases and removes.

use std::sync::Arc;

use menuskart_kit::rpc::RpcError;
use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::delivery::DeliveryMethod;
use menuskart_schemas::ids::{DeliveryMethodId, OrderId};
use menuskart_schemas::inventory::ReservationStatus;
use menuskart_schemas::orders::{Order, OrderLine, PlaceOrderRequest};
use uuid::Uuid;

use crate::domain::draft::reservation_lines;
use crate::domain::{OrderDraft, ShippingAddress};
use crate::state::OrdersState;
use crate::store::{Customer, Placing};
use menuskart_kit::IdempotencyKey;

/// The namespace of order ids derived from idempotency keys (a fixed random UUID).
const ORDER_IDS: Uuid = Uuid::from_u128(0x5b3f_9c1e_8a4d_4f7b_b2e6_0d9a_7c41_e385);

#[tracing::instrument(skip_all, fields(order_id))]
pub async fn handle(
    state: Arc<OrdersState>,
    req: Incoming<PlaceOrderRequest>,
) -> Result<Order, ReplyError> {
    let user_id = req.caller.require_user()?;
    let address = ShippingAddress::parse(&req.body.order.shipping_address)?;
    let (key, order_id) =
        IdempotencyKey::resolve(req.body.idempotency_key.as_deref(), &ORDER_IDS, user_id)?;
    tracing::Span::current().record("order_id", tracing::field::display(order_id));

    let placement = Placement {
        state: &state,
        order_id,
    };
    let lines = match placement.existing().await? {
        Some(Stage::Placed(order)) => return Ok(*order),
        Some(Stage::Placing(lines)) => lines,
        None => {
            let (cart, profile) = tokio::try_join!(
                state.services.cart(&req.caller),
                state.services.profile(&req.caller)
            )?;
            let draft = OrderDraft::from_cart(cart)?;
            let draft = match chosen_delivery(&state, req.body.order.delivery_method_id).await? {
                Some(method) => {
                    let shop = state.services.shop().await?;
                    draft.delivered_by(&method, shop.default_tax_rate_bp)
                }
                None => draft,
            };
            let customer = Customer {
                user_id,
                email: profile.email,
                name: profile.name,
            };
            let placing = state
                .store
                .insert_placing(
                    order_id,
                    &customer,
                    &draft,
                    address,
                    key.as_ref(),
                    state.max_unpaid,
                )
                .await?;
            match placing {
                Placing::Inserted => draft.lines,
                Placing::TooManyUnpaid(unpaid) => {
                    return Err(ReplyError::conflict(format!(
                        "you have {unpaid} unpaid orders: pay or cancel one before placing another"
                    )));
                }
                // A concurrent retry with the same key wrote it first: carry on with its lines.
                Placing::AlreadyThere => match placement.existing().await? {
                    Some(Stage::Placed(order)) => return Ok(*order),
                    Some(Stage::Placing(lines)) => lines,
                    None => return Err(placement.gave_up()),
                },
            }
        }
    };
    placement.reserve(&lines).await?;
    match state
        .store
        .confirm_placed(order_id, state.payment_timeout)
        .await?
    {
        Some(order) => {
            state.written();
            if let Err(error) = state.services.clear_cart(&req.caller).await {
                // The order stands; a cart left full is a nuisance, not a loss.
                tracing::warn!(%error, "placed, but the cart could not be emptied");
            }
            Ok(order)
        }
        // Confirmed by a concurrent retry, or given up by the sweeper meanwhile.
        None => match placement.existing().await? {
            Some(Stage::Placed(order)) => Ok(*order),
            _ => Err(placement.gave_up()),
        },
    }
}

/// The delivery method an order is placed with: the one chosen, which must be offered; none
/// when the shop offers none. A shop that offers delivery methods does not let an order skip
/// them (it would go out for free).
async fn chosen_delivery(
    state: &OrdersState,
    chosen: Option<DeliveryMethodId>,
) -> Result<Option<DeliveryMethod>, ReplyError> {
    const FIELD: &str = "delivery_method_id";
    match chosen {
        // A method priced in another currency (before the shop's changed) is not offered.
        Some(id) => match state.store.delivery_method(id).await? {
            Some(method) if method.active && method.currency == state.shop.currency => {
                Ok(Some(method))
            }
            _ => Err(ReplyError::invalid_field(
                FIELD,
                "not a delivery method this shop offers (see GET /delivery-methods)",
            )),
        },
        None if state
            .store
            .delivery_methods(false, state.shop.currency)
            .await?
            .is_empty() =>
        {
            Ok(None)
        }
        None => Err(ReplyError::invalid_field(
            FIELD,
            "choose how the order is delivered (see GET /delivery-methods)",
        )),
    }
}

enum Stage {
    Placed(Box<Order>),
    Placing(Vec<OrderLine>),
}

struct Placement<'a> {
    state: &'a OrdersState,
    order_id: OrderId,
}

impl Placement<'_> {
    async fn existing(&self) -> Result<Option<Stage>, ReplyError> {
        Ok(self.state.store.order(self.order_id).await?.map(|record| {
            if record.placing {
                Stage::Placing(record.order.items)
            } else {
                Stage::Placed(Box::new(record.order))
            }
        }))
    }

    /// Holds the stock; on a shortage the placement is removed and the client told which line.
    async fn reserve(&self, lines: &[OrderLine]) -> Result<(), ReplyError> {
        let outcome = self
            .state
            .services
            .reserve(self.order_id, reservation_lines(lines))
            .await;
        let refused = match outcome {
            Ok(reservation) if reservation.status == ReservationStatus::Reserved => return Ok(()),
            // Only after a placement under this key was abandoned and its stock given back.
            Ok(_) => ReplyError::conflict(
                "this Idempotency-Key belongs to an abandoned checkout; use a new key",
            ),
            Err(RpcError::Reply(body)) if body.code == ErrorCode::Conflict => {
                ReplyError::from(RpcError::Reply(body))
            }
            // Inventory unreachable: keep the placement; a retry resumes it, or the sweeper
            // gives it up.
            Err(other) => return Err(other.into()),
        };
        self.state.store.delete_placing(self.order_id).await?;
        Err(refused)
    }

    fn gave_up(&self) -> ReplyError {
        ReplyError::conflict(format!(
            "the placement of order {} was given up; please try again",
            self.order_id
        ))
    }
}
