//! `/cart*` -> `mk.cart.*`. Signed-in users get their own cart; visitors get an anonymous cart
//! whose token travels in the `mk_cart` cookie (set here whenever the cart service hands one
//! out) or the `X-Cart-Token` header.

use axum::Json;
use axum::extract::Path;
use axum_extra::extract::cookie::CookieJar;
use menuskart_schemas::cart::{
    AddToCart, Cart, CartAdd, CartRef, CartRemove, CartSetQuantity, SetQuantity,
};
use menuskart_schemas::subjects::cart;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::MaybeUser;
use crate::bus::Call;
use crate::cart_token::{self, CartToken};
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::ApiJson;
use crate::rate_limit::{Admitted, CartWrites};
use crate::state::AppState;

/// Each route with its OpenAPI entry (`routes!` groups the methods of one path).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, clear))
        .routes(routes!(add))
        .routes(routes!(set_quantity))
        .routes(routes!(remove))
}

/// The reply: the cart, and the visitor's cookie when the cart has a token.
/// Browsers keep the token in the HttpOnly cookie; API clients read it from the body.
fn answer(jar: CookieJar, cart: Cart) -> (CookieJar, Json<Cart>) {
    let jar = match cart.cart_token.clone() {
        Some(token) => jar.add(cart_token::cookie(token)),
        None => jar,
    };
    (jar, Json(cart))
}

/// The cart, priced now from the catalog: lines, subtotal, tax, total.
#[utoipa::path(get, path = "/cart", tag = "cart", security((), ("bearer" = [])),
    params(("X-Cart-Token" = Option<String>, Header, description = "A visitor's cart token (or the mk_cart cookie)")),
    responses(
        (status = 200, description = "The cart (empty when there is none yet)", body = Cart),
        (status = 401, description = "A bad access token", body = ErrorResponse),
    ))]
pub async fn show(
    call: Call,
    user: MaybeUser,
    CartToken(cart_token): CartToken,
    jar: CookieJar,
) -> Result<(CookieJar, Json<Cart>), ApiError> {
    let cart = call
        .send(cart::GET, &user.caller(), &CartRef { cart_token })
        .await?;
    Ok(answer(jar, cart))
}

/// Add a product, or more of it. A visitor without a cart gets one (cookie `mk_cart`, and
/// `cart_token` in the body).
#[utoipa::path(post, path = "/cart/add", tag = "cart", security((), ("bearer" = [])),
    request_body = AddToCart,
    responses(
        (status = 200, description = "The cart after adding", body = Cart),
        (status = 429, description = "Too many requests from this client or user; see Retry-After", body = ErrorResponse),
        (status = 404, description = "No such product", body = ErrorResponse),
        (status = 409, description = "Not enough stock, or another currency than the cart's", body = ErrorResponse),
        (status = 422, description = "Quantity out of bounds (1..=99 per line), or too many lines", body = ErrorResponse),
    ))]
pub async fn add(
    _: Admitted<CartWrites>,
    call: Call,
    user: MaybeUser,
    CartToken(cart_token): CartToken,
    jar: CookieJar,
    ApiJson(item): ApiJson<AddToCart>,
) -> Result<(CookieJar, Json<Cart>), ApiError> {
    let body = CartAdd {
        cart: CartRef { cart_token },
        item,
    };
    let cart = call.send(cart::ADD, &user.caller(), &body).await?;
    Ok(answer(jar, cart))
}

/// Set a line's quantity; 0 removes the line.
#[utoipa::path(patch, path = "/cart/items/{item_id}", tag = "cart", security((), ("bearer" = [])),
    params(("item_id" = String, Path, description = "The line's item_id")),
    request_body = SetQuantity,
    responses(
        (status = 200, description = "The cart after the change", body = Cart),
        (status = 429, description = "Too many requests from this client or user; see Retry-After", body = ErrorResponse),
        (status = 404, description = "No such line in this cart", body = ErrorResponse),
        (status = 409, description = "Not enough stock", body = ErrorResponse),
        (status = 422, description = "Quantity out of bounds", body = ErrorResponse),
    ))]
pub async fn set_quantity(
    _: Admitted<CartWrites>,
    call: Call,
    user: MaybeUser,
    CartToken(cart_token): CartToken,
    jar: CookieJar,
    Path(item_id): Path<String>,
    ApiJson(body): ApiJson<SetQuantity>,
) -> Result<(CookieJar, Json<Cart>), ApiError> {
    let body = CartSetQuantity {
        cart: CartRef { cart_token },
        item_id,
        quantity: body.quantity,
    };
    let cart = call.send(cart::SET_QUANTITY, &user.caller(), &body).await?;
    Ok(answer(jar, cart))
}

/// Remove a line.
#[utoipa::path(delete, path = "/cart/remove/{item_id}", tag = "cart", security((), ("bearer" = [])),
    params(("item_id" = String, Path, description = "The line's item_id")),
    responses(
        (status = 200, description = "The cart without the line", body = Cart),
        (status = 429, description = "Too many requests from this client or user; see Retry-After", body = ErrorResponse),
        (status = 404, description = "No such line in this cart", body = ErrorResponse),
    ))]
pub async fn remove(
    _: Admitted<CartWrites>,
    call: Call,
    user: MaybeUser,
    CartToken(cart_token): CartToken,
    jar: CookieJar,
    Path(item_id): Path<String>,
) -> Result<(CookieJar, Json<Cart>), ApiError> {
    let body = CartRemove {
        cart: CartRef { cart_token },
        item_id,
    };
    let cart = call.send(cart::REMOVE, &user.caller(), &body).await?;
    Ok(answer(jar, cart))
}

/// Empty the cart.
#[utoipa::path(delete, path = "/cart", tag = "cart", security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The empty cart", body = Cart),
        (status = 429, description = "Too many requests from this client or user; see Retry-After", body = ErrorResponse),
    ))]
pub async fn clear(
    _: Admitted<CartWrites>,
    call: Call,
    user: MaybeUser,
    CartToken(cart_token): CartToken,
    jar: CookieJar,
) -> Result<(CookieJar, Json<Cart>), ApiError> {
    let cart = call
        .send(cart::CLEAR, &user.caller(), &CartRef { cart_token })
        .await?;
    Ok(answer(jar, cart))
}
