import { type Kysely, sql } from 'kysely'

// Portal search at the metropolis scale (100 M characters, tens of millions of bigram rows,
// far more than the buffer cache): a query must touch a page's worth of the index, not every
// document holding a common bigram.
// - Each bigram row carries its document's publication time, and one index orders a bigram's
//   documents the way results are ranked (most occurrences, then newest): the first page of a
//   query is the first rows of one index range. (The rows are unique per gram and document by
//   construction; the old primary key on those two columns was a third index to write.)
// - council_search_grams counts the documents holding each bigram, kept by statement triggers
//   (also through cascades), so totals and the choice of the rarest bigram are one lookup each.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table council_search_bigrams add column published_at timestamptz`.execute(db)
  await sql`
    update council_search_bigrams b set published_at = d.published_at
    from council_search_documents d where d.minutes_id = b.minutes_id`.execute(db)
  await sql`alter table council_search_bigrams alter column published_at set not null`.execute(db)
  await sql`alter table council_search_bigrams drop constraint council_search_bigrams_pkey`.execute(
    db,
  )
  await sql`
    create index council_search_bigrams_rank_idx
    on council_search_bigrams(gram, occurrences desc, published_at desc, minutes_id desc)`.execute(
    db,
  )
  await sql`
    create table council_search_grams (
      gram text primary key,
      documents int not null check (documents >= 0)
    )`.execute(db)
  await sql`
    insert into council_search_grams (gram, documents)
    select gram, count(*) from council_search_bigrams group by gram`.execute(db)
  await sql`
    create function council_search_grams_added() returns trigger language plpgsql as $$
    begin
      insert into council_search_grams (gram, documents)
      select gram, count(*) from added group by gram
      on conflict (gram) do update set documents = council_search_grams.documents + excluded.documents;
      return null;
    end
    $$`.execute(db)
  await sql`
    create function council_search_grams_removed() returns trigger language plpgsql as $$
    begin
      update council_search_grams g set documents = g.documents - r.n
      from (select gram, count(*) as n from removed group by gram) r where g.gram = r.gram;
      delete from council_search_grams g using (select distinct gram from removed) r
      where g.gram = r.gram and g.documents = 0;
      return null;
    end
    $$`.execute(db)
  await sql`
    create trigger council_search_grams_added after insert on council_search_bigrams
    referencing new table as added for each statement
    execute function council_search_grams_added()`.execute(db)
  await sql`
    create trigger council_search_grams_removed after delete on council_search_bigrams
    referencing old table as removed for each statement
    execute function council_search_grams_removed()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger council_search_grams_removed on council_search_bigrams`.execute(db)
  await sql`drop trigger council_search_grams_added on council_search_bigrams`.execute(db)
  await sql`drop function council_search_grams_removed()`.execute(db)
  await sql`drop function council_search_grams_added()`.execute(db)
  await sql`drop table council_search_grams`.execute(db)
  await sql`drop index council_search_bigrams_rank_idx`.execute(db)
  await sql`alter table council_search_bigrams add primary key (gram, minutes_id)`.execute(db)
  await sql`alter table council_search_bigrams drop column published_at`.execute(db)
}
