"""The schedule and the sensor start STOPPED (a developer's UI runs nothing by itself) unless PIPELINE_AUTOMATION=on."""
import importlib

import dagster as dg

from pipelines.orchestration import automation


def _reloaded(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(automation.AUTOMATION_SETTING, raising=False)
    else:
        monkeypatch.setenv(automation.AUTOMATION_SETTING, value)
    return importlib.reload(automation)


def test_stopped_by_default(monkeypatch):
    module = _reloaded(monkeypatch, None)
    assert module.daily_warehouse_schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert module.raw_files_sensor.default_status == dg.DefaultSensorStatus.STOPPED


def test_running_when_turned_on_for_production(monkeypatch):
    module = _reloaded(monkeypatch, "on")
    assert module.daily_warehouse_schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert module.raw_files_sensor.default_status == dg.DefaultSensorStatus.RUNNING
    _reloaded(monkeypatch, None)


def test_other_values_leave_them_stopped(monkeypatch):
    module = _reloaded(monkeypatch, "off")
    assert module.raw_files_sensor.default_status == dg.DefaultSensorStatus.STOPPED
