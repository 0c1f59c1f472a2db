//! The writer's memory of entity ids: most canonical names recur across a library, and
//! a name met again then costs a hash look-up instead of an index search.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

/// Entity ids by canonical name, folded the way `entities.name` compares (NOCASE folds
/// ASCII letters only). Kept for one write session: entities are never deleted, and an
/// id is remembered only after the session's own connection read or inserted it. A
/// session whose transaction fails must drop it.
#[derive(Debug, Default)]
pub struct EntityIds(HashMap<String, i64>);

impl EntityIds {
    /// The id of the entity with this canonical name, created with `kind` if new.
    pub fn get(&mut self, conn: &Connection, name: &str, kind: &str) -> rusqlite::Result<i64> {
        let key = name.to_ascii_lowercase();
        if let Some(&id) = self.0.get(&key) {
            return Ok(id);
        }
        let id = find_or_insert(conn, name, kind)?;
        self.0.insert(key, id);
        Ok(id)
    }
}

fn find_or_insert(conn: &Connection, name: &str, kind: &str) -> rusqlite::Result<i64> {
    let existing = conn
        .prepare_cached("SELECT id FROM entities WHERE name = ?1")?
        .query_row([name], |row| row.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO entities (name, kind) VALUES (?1, ?2)")?
        .execute([name, kind])?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differing_in_ascii_case_are_one_entity() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE entities (id INTEGER PRIMARY KEY,
                 name TEXT NOT NULL UNIQUE COLLATE NOCASE, kind TEXT NOT NULL);
             INSERT INTO entities (name, kind) VALUES ('Wang Yi', 'person');",
        )
        .unwrap();
        let mut ids = EntityIds::default();
        assert_eq!(ids.get(&conn, "Wang Yi", "person").unwrap(), 1);
        assert_eq!(ids.get(&conn, "WANG YI", "person").unwrap(), 1);
        let added = ids.get(&conn, "Anna Novak", "person").unwrap();
        assert_eq!(added, 2);
        conn.execute("DELETE FROM entities", []).unwrap();
        // Remembered: the connection is not asked again.
        assert_eq!(ids.get(&conn, "anna novak", "person").unwrap(), added);
    }
}
