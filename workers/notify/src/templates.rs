//! Email bodies from templates (minijinja; HTML auto-escaped), plain text and HTML for every
//! kind, sharing a layout and the order-lines block. Amounts go through the `money` filter.

use minijinja::{Environment, Value};

use crate::kind::Kind;

const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../templates/layout.html")),
    ("lines.html", include_str!("../templates/lines.html")),
    ("lines.txt", include_str!("../templates/lines.txt")),
    ("address.html", include_str!("../templates/address.html")),
    ("address.txt", include_str!("../templates/address.txt")),
    ("signature.txt", include_str!("../templates/signature.txt")),
    (
        "order_placed.html",
        include_str!("../templates/order_placed.html"),
    ),
    (
        "order_placed.txt",
        include_str!("../templates/order_placed.txt"),
    ),
    (
        "payment_succeeded.html",
        include_str!("../templates/payment_succeeded.html"),
    ),
    (
        "payment_succeeded.txt",
        include_str!("../templates/payment_succeeded.txt"),
    ),
    (
        "payment_failed.html",
        include_str!("../templates/payment_failed.html"),
    ),
    (
        "payment_failed.txt",
        include_str!("../templates/payment_failed.txt"),
    ),
    (
        "order_shipped.html",
        include_str!("../templates/order_shipped.html"),
    ),
    (
        "order_shipped.txt",
        include_str!("../templates/order_shipped.txt"),
    ),
    (
        "order_cancelled.html",
        include_str!("../templates/order_cancelled.html"),
    ),
    (
        "order_cancelled.txt",
        include_str!("../templates/order_cancelled.txt"),
    ),
    (
        "password_reset.html",
        include_str!("../templates/password_reset.html"),
    ),
    (
        "password_reset.txt",
        include_str!("../templates/password_reset.txt"),
    ),
    (
        "verify_email.html",
        include_str!("../templates/verify_email.html"),
    ),
    (
        "verify_email.txt",
        include_str!("../templates/verify_email.txt"),
    ),
    ("campaign.html", include_str!("../templates/campaign.html")),
    ("campaign.txt", include_str!("../templates/campaign.txt")),
    (
        "payment_refunded.html",
        include_str!("../templates/payment_refunded.html"),
    ),
    (
        "payment_refunded.txt",
        include_str!("../templates/payment_refunded.txt"),
    ),
];

#[derive(Debug)]
pub struct Templates {
    env: Environment<'static>,
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub html: String,
}

impl Templates {
    pub fn new() -> Result<Self, minijinja::Error> {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        env.add_filter("money", |amount: i64, currency: String| {
            crate::money::format(amount, &currency)
        });
        env.add_filter("percent", crate::money::percent);
        Ok(Self { env })
    }

    /// The message about an order or payment event.
    pub fn render(&self, kind: Kind, context: &Value) -> Result<Rendered, minijinja::Error> {
        self.render_named(kind.as_str(), context)
    }

    /// A promotional email: `campaign.{txt,html}`.
    pub fn render_campaign(&self, context: &Value) -> Result<Rendered, minijinja::Error> {
        self.render_named("campaign", context)
    }

    /// An account email (`password_reset`, `verify_email`).
    pub fn render_account(
        &self,
        name: &str,
        context: &Value,
    ) -> Result<Rendered, minijinja::Error> {
        self.render_named(name, context)
    }

    fn render_named(&self, name: &str, context: &Value) -> Result<Rendered, minijinja::Error> {
        let render = |ext: &str| {
            self.env
                .get_template(&format!("{name}.{ext}"))?
                .render(context)
        };
        Ok(Rendered {
            text: render("txt")?,
            html: render("html")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_lists_lines_and_totals_and_escapes_html() {
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada <script>", amount => 1606, currency => "EUR",
            transaction_id => "t-1", reason => "",
            order => minijinja::context! {
                id => "o-1", number => "MK-10001", currency => "EUR", subtotal => 1500, tax => 106, total => 1606,
                items => vec![minijinja::context! { quantity => 2, name => "Pad Thai", line_total => 1500 }],
                tax_lines => vec![minijinja::context! { rate_bp => 700, tax => 106 }],
            },
        };
        let templates = Templates::new().unwrap();
        let receipt = templates.render(Kind::PaymentSucceeded, &context).unwrap();
        assert!(
            receipt.text.contains("2 x Pad Thai: €15.00"),
            "{}",
            receipt.text
        );
        assert!(receipt.text.contains("Total: €16.06"));
        assert!(receipt.text.contains("VAT 7%: €1.06"), "{}", receipt.text);
        assert!(
            receipt.html.contains("Ada &lt;script&gt;"),
            "{}",
            receipt.html
        );
        for kind in [
            Kind::OrderPlaced,
            Kind::PaymentFailed,
            Kind::OrderCancelled,
            Kind::PaymentRefunded,
        ] {
            assert!(
                templates
                    .render(kind, &context)
                    .unwrap()
                    .text
                    .contains("MK-10001"),
                "emails name the order by its number"
            );
        }
    }

    #[test]
    fn prices_with_tax_show_the_tax_they_include() {
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada", amount => 2800, currency => "EUR",
            transaction_id => "t-1", reason => "",
            order => minijinja::context! {
                id => "o-1", number => "MK-10001", currency => "EUR",
                subtotal => 2393, tax => 407, total => 2800, prices_include_tax => true,
                items => vec![
                    minijinja::context! { quantity => 2, name => "Pad Thai", line_total => 2380 },
                    minijinja::context! { quantity => 1, name => "Jasmine rice", line_total => 420 },
                ],
                tax_lines => vec![
                    minijinja::context! { rate_bp => 700, tax => 27 },
                    minijinja::context! { rate_bp => 1900, tax => 380 },
                ],
            },
        };
        let receipt = Templates::new()
            .unwrap()
            .render(Kind::PaymentSucceeded, &context)
            .unwrap();
        let text = &receipt.text;
        assert!(text.contains("2 x Pad Thai: €23.80"), "{text}");
        assert!(text.contains("Total: €28.00"), "{text}");
        assert!(text.contains("incl. VAT 7%: €0.27"), "{text}");
        assert!(text.contains("incl. VAT 19%: €3.80"), "{text}");
        assert!(text.contains("Net: €23.93"), "{text}");
        assert!(!text.contains("Subtotal"), "{text}");
        assert!(receipt.html.contains("incl. VAT 19%"), "{}", receipt.html);
    }

    #[test]
    fn delivery_is_its_own_line_and_the_money_adds_up() {
        // €28.00 of goods, €4.90 delivery at 19 % (€0.78 of it VAT).
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada", amount => 3290, currency => "EUR",
            transaction_id => "t-1", reason => "",
            order => minijinja::context! {
                id => "o-1", number => "MK-10001", currency => "EUR",
                subtotal => 2393, delivery => 412, delivery_tax => 78, tax => 485, total => 3290,
                prices_include_tax => true,
                delivery_method => minijinja::context! { method_id => "d-1", name => "Courier" },
                items => vec![
                    minijinja::context! { quantity => 2, name => "Pad Thai", line_total => 2380 },
                    minijinja::context! { quantity => 1, name => "Jasmine rice", line_total => 420 },
                ],
                tax_lines => vec![
                    minijinja::context! { rate_bp => 700, tax => 27 },
                    minijinja::context! { rate_bp => 1900, tax => 458 },
                ],
            },
        };
        let receipt = Templates::new()
            .unwrap()
            .render(Kind::PaymentSucceeded, &context)
            .unwrap();
        let text = &receipt.text;
        assert!(text.contains("Delivery, Courier: €4.90"), "{text}");
        assert!(text.contains("Total: €32.90"), "{text}");
        assert!(text.contains("incl. VAT 19%: €4.58"), "{text}");
        assert!(text.contains("Net: €28.05"), "{text}");
        assert!(
            receipt.html.contains("Delivery, Courier"),
            "{}",
            receipt.html
        );

        // Free delivery says so; without a method there is no delivery line.
        let free = minijinja::context! {
            shop => "MenusKart", name => "Ada", amount => 1000, currency => "EUR",
            transaction_id => "t-1", reason => "",
            order => minijinja::context! {
                id => "o-1", number => "MK-10001", currency => "EUR",
                subtotal => 1000, delivery => 0, delivery_tax => 0, tax => 0, total => 1000,
                prices_include_tax => false,
                delivery_method => minijinja::context! { method_id => "d-1", name => "Courier" },
                items => vec![minijinja::context! { quantity => 1, name => "Tea", line_total => 1000 }],
                tax_lines => Vec::<minijinja::Value>::new(),
            },
        };
        let text = Templates::new()
            .unwrap()
            .render(Kind::PaymentSucceeded, &free)
            .unwrap()
            .text;
        assert!(text.contains("Delivery, Courier: free"), "{text}");
    }

    #[test]
    fn order_emails_read_on_a_phone_link_the_order_and_name_the_address_and_seller() {
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada", amount => 1190, currency => "EUR",
            transaction_id => "t-1", reason => "",
            seller => "MenusKart GmbH · Beispielstraße 1, 10115 Berlin",
            order_url => "https://shop.example/account/orders/o-1",
            order => minijinja::context! {
                id => "o-1", number => "MK-10001", currency => "EUR",
                subtotal => 1000, tax => 190, total => 1190, prices_include_tax => true,
                items => vec![minijinja::context! { quantity => 1, name => "Pad Thai", line_total => 1190 }],
                tax_lines => vec![minijinja::context! { rate_bp => 1900, tax => 190 }],
                shipping_address => minijinja::context! {
                    name => "Ada Lovelace", line1 => "Unter den Linden 1", city => "Berlin",
                    postal_code => "10117", country => "DE",
                },
            },
        };
        let templates = Templates::new().unwrap();
        for kind in [
            Kind::OrderPlaced,
            Kind::PaymentSucceeded,
            Kind::OrderShipped,
        ] {
            let mail = templates.render(kind, &context).unwrap();
            assert!(
                mail.html.contains(
                    r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
                ),
                "{kind:?}: a phone shows it at its own width"
            );
            for text in [&mail.text, &mail.html] {
                assert!(text.contains("Unter den Linden 1"), "{kind:?}: {text}");
                assert!(text.contains("10117 Berlin"), "{kind:?}: {text}");
                assert!(
                    text.contains("MenusKart GmbH · Beispielstraße 1"),
                    "{kind:?}: {text}"
                );
            }
            assert!(
                mail.text
                    .contains("See your order: https://shop.example/account/orders/o-1")
            );
            assert!(mail.html.contains("See your order"), "{}", mail.html);
        }
        let cancelled = templates.render(Kind::OrderCancelled, &context).unwrap();
        assert!(
            cancelled
                .text
                .contains("https://shop.example/account/orders/o-1")
        );
    }

    #[test]
    fn a_campaign_is_greeted_by_its_author_only() {
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada", paragraphs => vec![vec!["Dear friends of Thai food,"]],
            unsubscribe_url => "https://shop.example/unsubscribe?token=a.b",
        };
        let mail = Templates::new().unwrap().render_campaign(&context).unwrap();
        assert!(!mail.text.contains("Hello"), "{}", mail.text);
        assert!(!mail.html.contains("Hello"), "{}", mail.html);
        assert!(
            mail.text.starts_with("Dear friends of Thai food,"),
            "{}",
            mail.text
        );
    }

    #[test]
    fn a_campaign_escapes_its_text_and_links_to_unsubscribe() {
        let text =
            crate::campaign_text::CampaignText::parse(menuskart_schemas::notify::CampaignDraft {
                subject: "Sale".into(),
                body: "Hello <b>you</b>!\n\nLaksa & pho\nhalf price.".into(),
            })
            .unwrap();
        let context = minijinja::context! {
            shop => "MenusKart", name => "Ada", paragraphs => text.paragraphs(),
            unsubscribe_url => "https://shop.example/notifications/unsubscribe?token=a.b",
        };
        let mail = Templates::new().unwrap().render_campaign(&context).unwrap();
        assert!(mail.text.contains("Hello <b>you</b>!"), "{}", mail.text);
        assert!(mail.text.contains("Laksa & pho\nhalf price."));
        assert!(mail.text.contains("unsubscribe?token=a.b"));
        // Escaped (minijinja also escapes `/`, as `&#x2f;`), never raw.
        assert!(
            mail.html.contains("<p>Hello &lt;b&gt;you&lt;"),
            "{}",
            mail.html
        );
        assert!(!mail.html.contains("<b>you"));
        assert!(mail.html.contains("Laksa &amp; pho<br>half price."));
        assert!(
            mail.html
                .contains("unsubscribe?token=a.b\">Unsubscribe</a>")
        );
        assert!(!mail.html.contains("Order "));
    }
}
