-- The schema Hibernate ORM 6 exports on PostgreSQL (hibernate.hbm2ddl.auto=create) for the mikrokredit Loan
-- entity with @Table(name = "loans") and @Id @GeneratedValue Long id -- no JVM here, so pgseq's tests replay it.
-- Proves nothing by itself: it is the catalog shape a Hibernate application leaves, for the tests that simulate
-- its id allocation (see the comments at the end). What makes it Hibernate's:
--   * the sequence is named <table>_SEQ (StandardNamingStrategy, DEF_SEQUENCE_SUFFIX = "_SEQ"); unquoted, so
--     PostgreSQL folds it to loans_seq (Spring Boot's CamelCaseToUnderscoresNamingStrategy lowercases it too)
--   * increment 50 = allocationSize (OptimizableGenerator.DEFAULT_INCREMENT_SIZE), start 1
--   * the id column has no DEFAULT and the sequence no OWNED BY: Hibernate calls nextval itself
--     ("select nextval('loans_seq')") and binds the ids it derives from the value into its INSERTs
create sequence loans_SEQ start with 1 increment by 50;
create table loans (
    id bigint not null,
    amount_borrowed numeric(38,2),
    amount_due numeric(38,2),
    due_date date,
    is_paid boolean not null,
    loan_date date,
    notes varchar(255),
    website varchar(255),
    primary key (id)
);

-- Allocation, for a value v = nextval('loans_seq') (hibernate-core org/hibernate/id/enhanced):
--   pooled (the default when increment > 1): ids v-49 .. v; but the very first call of a JVM that gets v = 1
--     (= initial_value) uses just id 1 and fetches again for id 2 (PooledOptimizer.generate)
--   pooled-lo (hibernate.id.optimizer.pooled.preferred=pooled-lo): ids v .. v+49 (PooledLoOptimizer.generate)
-- Hibernate 5 with @GeneratedValue and no generator: one shared sequence for every entity,
--   create sequence hibernate_sequence start 1 increment 1, one id per nextval.
