"""The first store schema: runs, stories, articles, persons, events, meetings, agreements,
mechanisms, with one observation table per kind (full-text search came in 0002).

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('parties', sa.String(), nullable=False),
    sa.Column('domain', sa.String(), nullable=True),
    sa.Column('period_start', sa.Integer(), nullable=True),
    sa.Column('period_end', sa.Integer(), nullable=True),
    sa.Column('signed_on', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('first_seen', sa.String(), nullable=True),
    sa.Column('last_seen', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('date_granularity', sa.String(), nullable=True),
    sa.Column('cameo', sa.String(), nullable=False),
    sa.Column('cameo_root', sa.String(), nullable=False),
    sa.Column('plover_type', sa.String(), nullable=False),
    sa.Column('plover_mode', sa.String(), nullable=False),
    sa.Column('plover_context', sa.JSON(), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('source_country', sa.String(), nullable=True),
    sa.Column('source_sector', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('target_country', sa.String(), nullable=True),
    sa.Column('target_sector', sa.String(), nullable=True),
    sa.Column('target_name', sa.String(), nullable=True),
    sa.Column('place_name', sa.String(), nullable=True),
    sa.Column('place_country', sa.String(), nullable=True),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_index('ix_events_cameo', 'events', ['cameo'], unique=False)
    op.create_index('ix_events_date', 'events', ['date'], unique=False)
    op.create_index('ix_events_dyad_date', 'events', ['source_country', 'target_country', 'date'], unique=False)
    op.create_index('ix_events_target_date', 'events', ['target_country', 'date'], unique=False)
    op.create_table('mechanisms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('countries', sa.String(), nullable=False),
    sa.Column('level', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('countries', sa.String(), nullable=False),
    sa.Column('place_name', sa.String(), nullable=True),
    sa.Column('place_country', sa.String(), nullable=True),
    sa.Column('host_country', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_index('ix_meetings_date', 'meetings', ['date'], unique=False)
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('first_seen', sa.String(), nullable=True),
    sa.Column('last_seen', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_index(op.f('ix_persons_country'), 'persons', ['country'], unique=False)
    op.create_table('runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.String(), nullable=False),
    sa.Column('finished_at', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('paths', sa.JSON(), nullable=False),
    sa.Column('comity_version', sa.String(), nullable=False),
    sa.Column('n_read', sa.Integer(), nullable=False),
    sa.Column('n_new', sa.Integer(), nullable=False),
    sa.Column('n_known', sa.Integer(), nullable=False),
    sa.Column('n_skipped', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(), nullable=False),
    sa.Column('first_published', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_table('agreement_parties',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], ),
    sa.PrimaryKeyConstraint('agreement_id', 'country')
    )
    op.create_index(op.f('ix_agreement_parties_country'), 'agreement_parties', ['country'], unique=False)
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('copy_hash', sa.String(), nullable=False),
    sa.Column('content_hash', sa.String(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('input_id', sa.String(), nullable=False),
    sa.Column('published', sa.String(), nullable=True),
    sa.Column('dateline', sa.String(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('body_start', sa.Integer(), nullable=False),
    sa.Column('body_end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('ingested_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('copy_hash')
    )
    op.create_index(op.f('ix_articles_content_hash'), 'articles', ['content_hash'], unique=False)
    op.create_index(op.f('ix_articles_published'), 'articles', ['published'], unique=False)
    op.create_index(op.f('ix_articles_story_id'), 'articles', ['story_id'], unique=False)
    op.create_table('meeting_countries',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('meeting_id', 'country')
    )
    op.create_index(op.f('ix_meeting_countries_country'), 'meeting_countries', ['country'], unique=False)
    op.create_table('agreement_observations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('signed_on', sa.String(), nullable=True),
    sa.Column('observed_on', sa.String(), nullable=True),
    sa.Column('signatories', sa.JSON(), nullable=False),
    sa.Column('witnesses', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_agreement_observations_agreement_id'), 'agreement_observations', ['agreement_id'], unique=False)
    op.create_index('uq_agreement_observation', 'agreement_observations', ['article_id', 'local_id'], unique=True)
    op.create_table('event_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('source_person_id', sa.Integer(), nullable=True),
    sa.Column('target_person_id', sa.Integer(), nullable=True),
    sa.Column('date_text', sa.String(), nullable=True),
    sa.Column('trigger', sa.String(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_fold', sa.Text(), nullable=False),
    sa.Column('more_evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.ForeignKeyConstraint(['source_person_id'], ['persons.id'], ),
    sa.ForeignKeyConstraint(['target_person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_event_mentions_event_id'), 'event_mentions', ['event_id'], unique=False)
    op.create_index(op.f('ix_event_mentions_source_person_id'), 'event_mentions', ['source_person_id'], unique=False)
    op.create_index(op.f('ix_event_mentions_target_person_id'), 'event_mentions', ['target_person_id'], unique=False)
    op.create_index('uq_event_mention', 'event_mentions', ['article_id', 'local_id'], unique=True)
    op.create_table('mechanism_occurrences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mechanism_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('place_name', sa.String(), nullable=True),
    sa.Column('place_country', sa.String(), nullable=True),
    sa.Column('observed_on', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['mechanism_id'], ['mechanisms.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_mechanism_occurrences_mechanism_id'), 'mechanism_occurrences', ['mechanism_id'], unique=False)
    op.create_index('uq_mechanism_occurrence', 'mechanism_occurrences', ['article_id', 'local_id'], unique=True)
    op.create_table('meeting_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('participants', sa.JSON(), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_meeting_mentions_meeting_id'), 'meeting_mentions', ['meeting_id'], unique=False)
    op.create_index('uq_meeting_mention', 'meeting_mentions', ['article_id', 'local_id'], unique=True)
    op.create_table('person_observations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('rank', sa.String(), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('mentions', sa.JSON(), nullable=False),
    sa.Column('observed_on', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_person_observations_article_id'), 'person_observations', ['article_id'], unique=False)
    op.create_index(op.f('ix_person_observations_person_id'), 'person_observations', ['person_id'], unique=False)
    op.create_index('uq_person_observation', 'person_observations', ['article_id', 'local_id'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_person_observation', table_name='person_observations')
    op.drop_index(op.f('ix_person_observations_person_id'), table_name='person_observations')
    op.drop_index(op.f('ix_person_observations_article_id'), table_name='person_observations')
    op.drop_table('person_observations')
    op.drop_index('uq_meeting_mention', table_name='meeting_mentions')
    op.drop_index(op.f('ix_meeting_mentions_meeting_id'), table_name='meeting_mentions')
    op.drop_table('meeting_mentions')
    op.drop_index('uq_mechanism_occurrence', table_name='mechanism_occurrences')
    op.drop_index(op.f('ix_mechanism_occurrences_mechanism_id'), table_name='mechanism_occurrences')
    op.drop_table('mechanism_occurrences')
    op.drop_index('uq_event_mention', table_name='event_mentions')
    op.drop_index(op.f('ix_event_mentions_target_person_id'), table_name='event_mentions')
    op.drop_index(op.f('ix_event_mentions_source_person_id'), table_name='event_mentions')
    op.drop_index(op.f('ix_event_mentions_event_id'), table_name='event_mentions')
    op.drop_table('event_mentions')
    op.drop_index('uq_agreement_observation', table_name='agreement_observations')
    op.drop_index(op.f('ix_agreement_observations_agreement_id'), table_name='agreement_observations')
    op.drop_table('agreement_observations')
    op.drop_index(op.f('ix_meeting_countries_country'), table_name='meeting_countries')
    op.drop_table('meeting_countries')
    op.drop_index(op.f('ix_articles_story_id'), table_name='articles')
    op.drop_index(op.f('ix_articles_published'), table_name='articles')
    op.drop_index(op.f('ix_articles_content_hash'), table_name='articles')
    op.drop_table('articles')
    op.drop_index(op.f('ix_agreement_parties_country'), table_name='agreement_parties')
    op.drop_table('agreement_parties')
    op.drop_table('stories')
    op.drop_table('runs')
    op.drop_index(op.f('ix_persons_country'), table_name='persons')
    op.drop_table('persons')
    op.drop_index('ix_meetings_date', table_name='meetings')
    op.drop_table('meetings')
    op.drop_table('mechanisms')
    op.drop_index('ix_events_target_date', table_name='events')
    op.drop_index('ix_events_dyad_date', table_name='events')
    op.drop_index('ix_events_date', table_name='events')
    op.drop_index('ix_events_cameo', table_name='events')
    op.drop_table('events')
    op.drop_table('agreements')
