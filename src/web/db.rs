//! The web layer's way to the database: closures run on the blocking thread pool, inside the
//! request's tracing span, with errors as the web layer answers them (`AppError`). The database
//! layer itself returns `QueryResult` and knows nothing of HTTP.

use crate::db::{Db, DbConn, write_tx};
use crate::error::AppError;

impl Db {
    /// Runs `f` with a connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.connections().clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f` inside one write transaction (see [`write_tx`]) on the blocking thread pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| write_tx(conn, f)).await
    }
}
