//! No two source files import each other: a module that needs another's items and is
//! needed by it back is one concept split in two, or two concepts tangled.
//!
//! The `use` declarations of each file under `src/` (outside its test module) are read,
//! resolved to the files they name, and every pair of files naming each other is
//! reported. A module and its own parent or child (`mod.rs` and the files under it)
//! are one unit and do not count. The same reading checks that the reader and the
//! ingest stand on `crate::text`, never on the analysis.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `library::notes` for `src/library/notes.rs`, `library` for its `mod.rs`, the empty
/// path for the crate roots.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut path: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    if path.len() == 1 && (path[0] == "lib" || path[0] == "main") {
        path.clear();
    }
    path
}

/// The file's text before its test module, with comments left out.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of every `use` declaration in `code` (a line opening with `use` or
/// `pub … use`), braces expanded: `super::{a, b::{c, d}}` gives `super::a`,
/// `super::b::c`, `super::b::d`.
fn used_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let declaration = match trimmed.strip_prefix("pub") {
            Some(rest) => rest.trim_start_matches(|c: char| c != ' ').trim_start(),
            None => trimmed,
        };
        let Some(tree) = declaration.strip_prefix("use ") else {
            continue;
        };
        let from = start + line.len() - tree.len();
        if let Some(end) = code[from..].find(';') {
            expand("", &without_aliases(&code[from..from + end]), &mut paths);
        }
    }
    paths
}

/// A use tree without white space and without its `as` renamings.
fn without_aliases(tree: &str) -> String {
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut kept = String::new();
    let mut skip = false;
    for (i, word) in words.iter().enumerate() {
        if skip {
            // The new name, and any punctuation glued after it.
            kept.extend(
                word.chars()
                    .skip_while(|c| c.is_alphanumeric() || *c == '_'),
            );
            skip = false;
        } else if *word == "as" && i > 0 {
            skip = true;
        } else {
            kept.push_str(word);
        }
    }
    kept
}

fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let Some(close) = tree.rfind('}').filter(|&close| close > open) else {
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let mut depth = 0;
    let mut part = String::new();
    for c in tree[open + 1..close].chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            expand(&head, &part, out);
            part.clear();
        } else {
            part.push(c);
        }
    }
    if !part.is_empty() {
        expand(&head, &part, out);
    }
}

/// The module file a path used from `module` names (the longest known prefix), if any.
fn resolve(module: &[String], path: &str, known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments = path.split("::");
    let mut base: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().saturating_sub(1)].to_vec(),
        _ => return None,
    };
    let mut segments = segments.peekable();
    while segments.peek() == Some(&"super") {
        segments.next();
        base.pop();
    }
    base.extend(segments.map(str::to_string));
    (1..=base.len())
        .rev()
        .map(|length| base[..length].to_vec())
        .find(|candidate| known.contains(candidate))
}

/// Every source file's module and the modules its `use` declarations name.
fn module_uses() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .into_iter()
        .map(|file| (module_of(&src, &file), file))
        .collect();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let mut uses = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let targets = used_paths(&code)
            .iter()
            .filter_map(|path| resolve(module, path, &known))
            .filter(|target| target != module)
            .collect();
        uses.insert(module.clone(), targets);
    }
    uses
}

fn two_file_circles() -> BTreeSet<(String, String)> {
    let uses = module_uses();
    let nested = |a: &Vec<String>, b: &Vec<String>| a.starts_with(b) || b.starts_with(a);
    let mut circles = BTreeSet::new();
    for (a, targets) in &uses {
        for b in targets {
            if a < b && !nested(a, b) && uses.get(b).is_some_and(|back| back.contains(a)) {
                circles.insert((a.join("::"), b.join("::")));
            }
        }
    }
    circles
}

#[test]
fn no_two_files_import_each_other() {
    let circles = two_file_circles();
    assert!(
        circles.is_empty(),
        "files importing each other: {circles:?}"
    );
}

/// Text plumbing sits below the stages: reading pages and showing stories use
/// `crate::text`, and never the analysis (the reader reads analyses from the library).
#[test]
fn the_reader_and_the_ingest_never_import_the_analysis() {
    let mut wrong = Vec::new();
    for (module, targets) in module_uses() {
        let stage = module.first().map(String::as_str);
        if !matches!(stage, Some("tui" | "ingest")) {
            continue;
        }
        for target in targets
            .iter()
            .filter(|t| t.first().is_some_and(|t| t == "analyze"))
        {
            wrong.push(format!("{} uses {}", module.join("::"), target.join("::")));
        }
    }
    // Nor through a path written out in the code.
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("tui"), &mut files);
    rust_files(&src.join("ingest"), &mut files);
    for file in files {
        if code_of(&std::fs::read_to_string(&file).unwrap()).contains("crate::analyze") {
            wrong.push(format!("{} names crate::analyze", file.display()));
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn the_reader_of_imports_finds_a_circle() {
    let mut paths = used_paths("use super::{a, b::{c, d as e}};\nfn f() { reuse(); }");
    paths.sort();
    assert_eq!(paths, ["super::a", "super::b::c", "super::b::d"]);
    let known: BTreeSet<Vec<String>> = [vec!["x".to_string()], vec!["x".into(), "y".into()]]
        .into_iter()
        .collect();
    let module = vec!["x".to_string(), "z".to_string()];
    assert_eq!(
        resolve(&module, "super::y::Thing", &known),
        Some(vec!["x".to_string(), "y".to_string()])
    );
    assert_eq!(resolve(&module, "std::fmt", &known), None);
}
