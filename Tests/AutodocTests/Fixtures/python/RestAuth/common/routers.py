"""Database routers for replicated setups.

Add one of these classes to the ``DATABASE_ROUTERS`` setting. Use
:py:class:`MasterSlave` for one writable database with read-only copies, or
:py:class:`MultiMaster` when several databases accept writes.
"""

import random

__all__ = ["RouterBase", "MasterSlave", "MultiMaster", "NoHealthyDatabase"]

#: Name of the database that receives writes unless configured otherwise.
DEFAULT_MASTER = "default"


class NoHealthyDatabase(RuntimeError):
    """Raised when every database a router could use is marked down."""


class RouterBase:
    """Common behaviour of the routers in this module.

    Subclasses decide where reads and writes go; this base class answers the
    relation and migration questions the same way for all of them.
    """

    #: Aliases of databases that failed a health check.
    unhealthy = frozenset()

    def allow_relation(self, obj1, obj2, **hints):
        """Allow relations between any two objects.

        All databases hold the same data, so an object loaded from a replica
        may point at one loaded from the master.

        :param obj1: one end of the relation
        :param obj2: the other end
        :return: always ``True``
        """
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """Run migrations on writable databases only.

        :param str db: alias of the database
        :param str app_label: the application being migrated
        :rtype: bool
        """
        return db in self.writable()

    def writable(self):
        """Return the aliases that accept writes."""
        raise NotImplementedError


class MasterSlave(RouterBase):
    """Send writes to one master and spread reads over all databases.

    Reads pick a database at random among the healthy ones, the master
    included. When every replica is down, reads fall back to the master.

    :param master: alias of the writable database
    :param slaves: aliases of the read-only copies
    """

    def __init__(self, master=DEFAULT_MASTER, slaves=(), *, rng=None):
        #: Alias of the writable database.
        self.master = master
        self.slaves = list(slaves)
        """Aliases of the read-only replicas, in configuration order."""
        self._rng = rng or random.Random()

    def db_for_read(self, model, **hints):
        """Choose a healthy database for reading *model*.

        :return: a replica or the master
        :raises NoHealthyDatabase: if the master is down too
        """
        candidates = [db for db in [self.master, *self.slaves] if db not in self.unhealthy]
        if not candidates:
            raise NoHealthyDatabase(f"no healthy database for {model!r}")
        return self._rng.choice(candidates)

    def db_for_write(self, model, **hints):
        """Always the master (see :py:attr:`master`)."""
        return self.master

    def writable(self):
        return [self.master]


class MultiMaster(RouterBase):
    """Several writable masters, each owning the models of some applications.

    The master for a model is named after its application label with a
    prefix, so models of ``billing`` live on ``db_billing``. Read-only
    replicas of a master are listed in *replicas*.

    .. versionadded:: 0.7
    """

    def __init__(self, masters, replicas=None, prefix="db_"):
        self.masters = tuple(masters)  #: The writable databases.
        self.replicas = dict(replicas or {})
        self.prefix = prefix

    def master_for(self, app_label: str) -> str:
        """Return the master that owns *app_label*'s models."""
        return self.prefix + app_label

    def db_for_read(self, model, **hints):
        """Read from a replica of the model's master, or from the master itself."""
        master = self.master_for(model._meta.app_label)
        return random.choice([master, *self.replicas.get(master, ())])

    def db_for_write(self, model, **hints):
        """Write to the model's master; see :py:meth:`master_for`."""
        return self.master_for(model._meta.app_label)

    def writable(self):
        return list(self.masters)


def _helper():
    """Private helper, not in ``__all__``."""
