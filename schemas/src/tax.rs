//! Tax: the rounding rule, prices with or without tax, and [`Totals`], the one type for what a
//! cart or an order adds up to.
//!
//! A shop sets its prices either **including tax** (the law for consumer prices in the EU: a
//! €11.90 dish costs €11.90, of which €1.90 is 19 % VAT) or **excluding tax** (tax is added at
//! the basket, as in the US). Rates are basis points (1/100 of a percent: 1900 = 19 %).
//!
//! **Rounding rule:** tax is computed per line, on the line total, and rounded half away from
//! zero to the minor unit; a cart's or order's tax is the sum of its lines' rounded taxes. So
//! every tax line on a receipt adds up to the cent. Integer arithmetic only (i128 for the
//! products, so nothing overflows).

use serde::{Deserialize, Serialize};

use crate::money::{Amount, Currency};

/// The highest rate we accept: 100 %.
pub const MAX_RATE_BP: i64 = 10_000;

/// `numerator / denominator`, rounded half away from zero (`denominator > 0`).
fn divide_rounded(numerator: i128, denominator: i128) -> i64 {
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    let rounded = if remainder.abs() * 2 >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
}

/// The tax a line owes: added to a net `line_total`, or contained in a gross one.
pub fn line_tax(line_total: Amount, rate_bp: i64, prices_include_tax: bool) -> Amount {
    let amount = i128::from(line_total.0) * i128::from(rate_bp);
    Amount(if prices_include_tax {
        // gross = net * (1 + r)  =>  tax = gross * r / (1 + r)
        divide_rounded(amount, 10_000 + i128::from(rate_bp))
    } else {
        divide_rounded(amount, 10_000)
    })
}

/// The taxed amount of one line, as [`Totals::from_lines`] adds it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxedLine {
    /// Unit price times quantity, as priced (with tax when prices include it).
    pub line_total: Amount,
    pub tax_rate_bp: i64,
    /// [`line_tax`] of the line.
    pub tax: Amount,
}

impl TaxedLine {
    pub fn new(line_total: Amount, tax_rate_bp: i64, prices_include_tax: bool) -> Self {
        Self {
            line_total,
            tax_rate_bp,
            tax: line_tax(line_total, tax_rate_bp, prices_include_tax),
        }
    }
}

/// The tax of one rate across the lines: what a receipt prints as "VAT 19 %: €6.36".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaxLine {
    pub rate_bp: i64,
    pub tax: Amount,
}

/// What a cart or an order adds up to. On the wire its fields sit flat in the cart's or order's
/// object (`subtotal`, `tax`, `total`, `currency`, ...), as the contract has always had them.
///
/// `total = subtotal + delivery + tax` whatever the shop's setting: `subtotal` (the goods) and
/// `delivery` are before tax, and `tax` is all of it, delivery's `delivery_tax` included. With
/// prices including tax the lines and the delivery price as listed (`delivery + delivery_tax`)
/// add up to `total` (what the shopper saw on the product pages); without, the lines add up to
/// `subtotal`. A cart has no delivery yet: both are 0 until an order is placed with a method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// The goods, before tax.
    pub subtotal: Amount,
    /// Delivery, before tax (0: none, or free).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub delivery: Amount,
    /// The tax on delivery (part of `tax`; delivery is taxed at the shop's standard rate).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub delivery_tax: Amount,
    /// The sum of the lines' rounded taxes and delivery's.
    pub tax: Amount,
    /// `subtotal + delivery + tax`: what the customer pays.
    pub total: Amount,
    pub currency: Currency,
    /// Whether the lines' prices include tax (the shop's setting when they were priced).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub prices_include_tax: bool,
    /// `tax` per rate, lowest rate first.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub tax_lines: Vec<TaxLine>,
}

impl Totals {
    /// Nothing to pay.
    pub fn zero(currency: Currency, prices_include_tax: bool) -> Self {
        Self {
            subtotal: Amount::ZERO,
            delivery: Amount::ZERO,
            delivery_tax: Amount::ZERO,
            tax: Amount::ZERO,
            total: Amount::ZERO,
            currency,
            prices_include_tax,
            tax_lines: Vec::new(),
        }
    }

    /// Adds up taxed lines.
    pub fn from_lines(
        currency: Currency,
        prices_include_tax: bool,
        lines: impl IntoIterator<Item = TaxedLine>,
    ) -> Self {
        let lines: Vec<TaxedLine> = lines.into_iter().collect();
        let lines_total: Amount = lines.iter().map(|line| line.line_total).sum();
        let tax: Amount = lines.iter().map(|line| line.tax).sum();
        let (subtotal, total) = if prices_include_tax {
            (lines_total - tax, lines_total)
        } else {
            (lines_total, lines_total + tax)
        };
        Self {
            subtotal,
            delivery: Amount::ZERO,
            delivery_tax: Amount::ZERO,
            tax,
            total,
            currency,
            prices_include_tax,
            tax_lines: TaxLine::by_rate(lines),
        }
    }

    /// What the goods cost as listed: the lines' sum (with tax when prices include it).
    pub fn goods_as_listed(&self) -> Amount {
        if self.prices_include_tax {
            self.subtotal + self.goods_tax()
        } else {
            self.subtotal
        }
    }

    /// The tax on the goods alone.
    pub fn goods_tax(&self) -> Amount {
        self.tax - self.delivery_tax
    }

    /// The goods' totals (a cart's) with delivery added: `price` as the shop lists it (with
    /// tax when prices include it), taxed at `rate_bp` by the same rounding rule as a line.
    pub fn with_delivery(self, price: Amount, rate_bp: i64) -> Self {
        debug_assert_eq!(self.delivery, Amount::ZERO, "delivery is added once");
        let line = TaxedLine::new(price, rate_bp, self.prices_include_tax);
        let net = if self.prices_include_tax {
            price - line.tax
        } else {
            price
        };
        let mut tax_lines = self.tax_lines.clone();
        if price != Amount::ZERO {
            let delivery_rate = [TaxedLine {
                tax_rate_bp: rate_bp,
                ..line
            }];
            tax_lines = TaxLine::by_rate(
                tax_lines
                    .iter()
                    .map(|t| TaxedLine {
                        line_total: Amount::ZERO,
                        tax_rate_bp: t.rate_bp,
                        tax: t.tax,
                    })
                    .chain(delivery_rate),
            );
        }
        Self {
            delivery: net,
            delivery_tax: line.tax,
            tax: self.tax + line.tax,
            total: self.total + net + line.tax,
            tax_lines,
            ..self
        }
    }
}

impl TaxLine {
    /// The lines' taxes summed per rate, lowest rate first.
    pub fn by_rate(lines: impl IntoIterator<Item = TaxedLine>) -> Vec<Self> {
        let mut by_rate: Vec<Self> = Vec::new();
        for line in lines {
            match by_rate.binary_search_by_key(&line.tax_rate_bp, |t| t.rate_bp) {
                Ok(at) => by_rate[at].tax += line.tax,
                Err(at) => by_rate.insert(
                    at,
                    Self {
                        rate_bp: line.tax_rate_bp,
                        tax: line.tax,
                    },
                ),
            }
        }
        by_rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tax_on_a_net_amount_rounds_half_away_from_zero() {
        assert_eq!(line_tax(Amount(1000), 700, false), Amount(70));
        // 250 * 7 % = 17.5 -> 18; 249 * 7 % = 17.43 -> 17
        assert_eq!(line_tax(Amount(250), 700, false), Amount(18));
        assert_eq!(line_tax(Amount(249), 700, false), Amount(17));
        assert_eq!(line_tax(Amount(-250), 700, false), Amount(-18));
        assert_eq!(line_tax(Amount(999), 0, false), Amount(0));
    }

    #[test]
    fn tax_in_a_gross_amount_is_the_part_above_the_net() {
        // €11.90 at 19 %: €10.00 + €1.90, exactly.
        assert_eq!(line_tax(Amount(1190), 1900, true), Amount(190));
        // €4.20 at 7 %: 420 * 7 / 107 = 27.48 -> 27 (net 3.93; 3.93 * 7 % = 0.2751)
        assert_eq!(line_tax(Amount(420), 700, true), Amount(27));
        // €0.01 at 19 %: 0.16 of a cent -> 0
        assert_eq!(line_tax(Amount(1), 1900, true), Amount(0));
        // €0.03 at 19 %: 0.479 -> 0; €0.04: 0.639 -> 1
        assert_eq!(line_tax(Amount(3), 1900, true), Amount(0));
        assert_eq!(line_tax(Amount(4), 1900, true), Amount(1));
        assert_eq!(line_tax(Amount(500), 0, true), Amount(0));
    }

    #[test]
    fn gross_prices_add_up_to_what_the_shopper_saw() {
        // The basket of the issue: €44.70 of goods, two rates.
        let lines = [
            TaxedLine::new(Amount(1190 * 2), 1900, true),
            TaxedLine::new(Amount(1250), 1900, true),
            TaxedLine::new(Amount(420 * 2), 700, true),
        ];
        let totals = Totals::from_lines(Currency::EUR, true, lines);
        assert_eq!(totals.total, Amount(4470));
        // 2380 -> 380; 1250 -> 199.58 -> 200; 840 -> 54.95 -> 55
        assert_eq!(totals.tax, Amount(380 + 200 + 55));
        assert_eq!(totals.subtotal, Amount(4470 - 635));
        assert_eq!(totals.subtotal + totals.tax, totals.total);
        assert_eq!(
            totals.tax_lines,
            [
                TaxLine {
                    rate_bp: 700,
                    tax: Amount(55)
                },
                TaxLine {
                    rate_bp: 1900,
                    tax: Amount(580)
                },
            ]
        );
    }

    #[test]
    fn net_prices_get_their_tax_added() {
        let lines = [
            TaxedLine::new(Amount(250), 700, false),
            TaxedLine::new(Amount(597), 1900, false),
        ];
        let totals = Totals::from_lines(Currency::EUR, false, lines);
        // 17.5 -> 18; 113.43 -> 113
        assert_eq!(totals.subtotal, Amount(847));
        assert_eq!(totals.tax, Amount(131));
        assert_eq!(totals.total, Amount(978));
        assert_eq!(totals.tax_lines.len(), 2);
    }

    #[test]
    fn the_tax_lines_add_up_to_the_tax_to_the_cent() {
        // Many small lines, where rounding each line matters: the receipt's lines still add up.
        let lines: Vec<TaxedLine> = (1..=40)
            .map(|cents| {
                TaxedLine::new(Amount(cents * 7), [0, 700, 1900][cents as usize % 3], true)
            })
            .collect();
        let totals = Totals::from_lines(Currency::EUR, true, lines.iter().copied());
        let by_rate: Amount = totals.tax_lines.iter().map(|t| t.tax).sum();
        let by_line: Amount = lines.iter().map(|l| l.tax).sum();
        assert_eq!(by_rate, totals.tax);
        assert_eq!(by_line, totals.tax);
        assert_eq!(totals.subtotal + totals.tax, totals.total);
    }

    #[test]
    fn delivery_is_taxed_like_a_line_and_adds_up_to_the_cent() {
        // An EU shop: €44.70 of goods, €4.90 delivery at 19 % (4.90 * 19 / 119 = 0.78).
        let goods = Totals::from_lines(
            Currency::EUR,
            true,
            [
                TaxedLine::new(Amount(1190 * 3), 1900, true),
                TaxedLine::new(Amount(420 * 2), 700, true),
            ],
        );
        let totals = goods.clone().with_delivery(Amount(490), 1900);
        assert_eq!(totals.delivery_tax, Amount(78));
        assert_eq!(totals.delivery, Amount(490 - 78));
        assert_eq!(totals.total, goods.total + Amount(490));
        assert_eq!(totals.subtotal, goods.subtotal);
        assert_eq!(totals.subtotal + totals.delivery + totals.tax, totals.total);
        assert_eq!(totals.goods_as_listed(), Amount(1190 * 3 + 420 * 2));
        let by_rate: Amount = totals.tax_lines.iter().map(|t| t.tax).sum();
        assert_eq!(by_rate, totals.tax);
        assert_eq!(totals.tax_lines[1].tax, goods.tax_lines[1].tax + Amount(78));

        // A US shop: $5.00 delivery gets 7 % added; a free delivery changes nothing.
        let net = Totals::from_lines(
            Currency::EUR,
            false,
            [TaxedLine::new(Amount(1000), 700, false)],
        );
        let shipped = net.clone().with_delivery(Amount(500), 700);
        assert_eq!(
            (shipped.delivery, shipped.delivery_tax),
            (Amount(500), Amount(35))
        );
        assert_eq!(shipped.total, Amount(1000 + 70 + 500 + 35));
        assert_eq!(shipped.goods_as_listed(), Amount(1000));
        assert_eq!(net.clone().with_delivery(Amount::ZERO, 700), net);
    }

    #[test]
    fn flat_on_the_wire() {
        let totals = Totals::from_lines(
            Currency::EUR,
            true,
            [TaxedLine::new(Amount(1190), 1900, true)],
        );
        let json = serde_json::to_value(&totals).unwrap();
        assert_eq!(json["total"], 1190);
        assert_eq!(json["subtotal"], 1000);
        assert_eq!(json["tax"], 190);
        assert_eq!(json["currency"], "EUR");
        assert_eq!(json["prices_include_tax"], true);
        assert_eq!(json["tax_lines"][0]["rate_bp"], 1900);
    }
}
