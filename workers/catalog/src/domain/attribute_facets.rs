//! Counting the attribute values products have, for the storefront's filters. A value counts
//! as the listing filter compares it: as text (`<string>` in SurrealQL), so `true`, `hot`, `3`.
//! Lists and objects (ingredient lists, nutrition tables) are not something to filter on and
//! are left out.

use std::collections::BTreeMap;

use menuskart_schemas::catalog::{AttributeFacet, AttributeValue};
use serde_json::{Map, Value};

/// The facets of these products' attribute maps: attributes by name, values most common first
/// (ties by value).
pub fn facets<'a>(
    products: impl IntoIterator<Item = &'a Map<String, Value>>,
) -> Vec<AttributeFacet> {
    let mut counts: BTreeMap<&str, BTreeMap<String, i64>> = BTreeMap::new();
    for attributes in products {
        for (name, value) in attributes {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                Value::Null | Value::Array(_) | Value::Object(_) => continue,
            };
            *counts.entry(name).or_default().entry(text).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(name, values)| {
            let mut values: Vec<AttributeValue> = values
                .into_iter()
                .map(|(value, count)| AttributeValue { value, count })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            AttributeFacet {
                name: name.to_owned(),
                values,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::facets;

    #[test]
    fn values_are_counted_as_text_most_common_first_and_lists_left_out() {
        let products = [
            json!({"spice": "hot", "vegan": true, "allergens": ["peanuts"]}),
            json!({"spice": "mild", "vegan": false}),
            json!({"spice": "hot", "weight_g": 400}),
        ];
        let maps: Vec<_> = products.iter().map(|p| p.as_object().unwrap()).collect();
        let found = facets(maps);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["spice", "vegan", "weight_g"]);
        let spice: Vec<(&str, i64)> = found[0]
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        assert_eq!(spice, [("hot", 2), ("mild", 1)]);
        assert_eq!(found[1].values[0].value, "false");
        assert_eq!(found[2].values[0].value, "400");
    }
}
