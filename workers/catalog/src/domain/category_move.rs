//! Moving a category: the new path of it and of every category under it.

use std::fmt;

/// A category moves under one of its own sub-categories (or itself): the tree would loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntoItself;

impl fmt::Display for IntoItself {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a category cannot move under itself or one of its sub-categories")
    }
}

/// The categories whose path changes when the category at `path` (root first, itself last)
/// moves under the category at `parent_path` (empty: to the top), with their new paths.
/// `paths` are every category's path.
pub fn moved_paths<'a>(
    paths: impl IntoIterator<Item = &'a [String]>,
    path: &[String],
    parent_path: &[String],
) -> Result<Vec<Vec<String>>, IntoItself> {
    if parent_path.starts_with(path) {
        return Err(IntoItself);
    }
    let depth = path.len() - 1;
    Ok(paths
        .into_iter()
        .filter(|p| p.starts_with(path))
        .map(|p| parent_path.iter().chain(&p[depth..]).cloned().collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(slugs: &str) -> Vec<String> {
        slugs.split('/').map(str::to_owned).collect()
    }

    #[test]
    fn a_subtree_moves_with_its_category() {
        let all = [
            path("food"),
            path("food/noodles"),
            path("food/noodles/ramen"),
            path("groceries"),
        ];
        let moved = moved_paths(
            all.iter().map(Vec::as_slice),
            &path("food/noodles"),
            &path("groceries"),
        )
        .unwrap();
        assert_eq!(
            moved,
            [path("groceries/noodles"), path("groceries/noodles/ramen")]
        );
        // To the top.
        let moved = moved_paths(all.iter().map(Vec::as_slice), &path("food/noodles"), &[]).unwrap();
        assert_eq!(moved, [path("noodles"), path("noodles/ramen")]);
    }

    #[test]
    fn not_under_itself() {
        let all = [path("food"), path("food/noodles")];
        assert_eq!(
            moved_paths(
                all.iter().map(Vec::as_slice),
                &path("food"),
                &path("food/noodles")
            ),
            Err(IntoItself)
        );
        assert_eq!(
            moved_paths(all.iter().map(Vec::as_slice), &path("food"), &path("food")),
            Err(IntoItself)
        );
    }
}
