-- Work only one node may do at a time (SPEC §11): polling the report mailbox, reading the drop folder, the scheduled
-- jobs. Each is a namespace of a ClusteredRoutePolicy; the node holding its lease is the leader until lease_until,
-- renewed while it runs. A node that stops renewing loses the lease to another after hub.cluster.takeover-seconds.
CREATE TABLE CLUSTER_LEASE (
    namespace VARCHAR(255) PRIMARY KEY,
    node_id VARCHAR(255) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
