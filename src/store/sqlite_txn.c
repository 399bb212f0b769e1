/* sqlite_txn.c - whether a transaction is open (bodies_store.h). */
#include "sqlite_int.h"

#include "bodies_store.h"

bool rr_store_in_transaction(rr_store *s)
{
	return s && s->in_txn;
}
